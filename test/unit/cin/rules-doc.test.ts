// docs/cin-rules.md lists the CIN checks as implemented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CIN_RULES_DOC_PATH, renderCinRulesDoc } from '../../../scripts/render-cin-rules-doc.ts';
import { ALL_CIN_RULES } from '../../../shared/domain/cin/rules/registry.ts';

describe('docs/cin-rules.md', () => {
  it('is up to date with the rules (run `npx tsx scripts/render-cin-rules-doc.ts`)', () => {
    expect(readFileSync(CIN_RULES_DOC_PATH, 'utf8')).toBe(renderCinRulesDoc());
  });

  it('lists every rule once, and changes when a rule does', () => {
    const rendered = renderCinRulesDoc();
    for (const rule of [...ALL_CIN_RULES.child, ...ALL_CIN_RULES.council])
      expect(rendered.match(new RegExp(`^\\| ${rule.code} \\|`, 'gm'))).toHaveLength(1);
    const changed = renderCinRulesDoc({
      child: ALL_CIN_RULES.child.slice(1).map((rule) => ({ ...rule, scope: 'child' as const })),
      council: ALL_CIN_RULES.council.map((rule) => ({ ...rule, scope: 'council' as const })),
    });
    expect(changed).not.toBe(rendered);
  });
});
