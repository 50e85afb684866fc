// docs/ssda903-rules.md lists every catalogue rule: running since which year, or not and why.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  renderSsda903RulesDoc,
  SSDA903_RULES_DOC_PATH,
  ssda903CatalogueCodes,
} from '../../../../scripts/render-ssda903-rules-doc.ts';
import { RULE_CATALOGUE_COVERAGE } from '../../../../shared/domain/ssda903/rules/coverage.ts';
import { NOT_IMPLEMENTED } from '../../../../shared/domain/ssda903/rules/not-implemented.ts';

const input = () => ({
  catalogue: ssda903CatalogueCodes(),
  implemented: RULE_CATALOGUE_COVERAGE,
  notImplemented: NOT_IMPLEMENTED,
});

describe('docs/ssda903-rules.md', () => {
  it('is up to date with the rules (after adding or changing a rule, run `npx tsx scripts/render-ssda903-rules-doc.ts`)', () => {
    expect(readFileSync(SSDA903_RULES_DOC_PATH, 'utf8')).toBe(renderSsda903RulesDoc());
  });

  it('names every catalogue rule exactly once, in one of its sections', () => {
    const rendered = renderSsda903RulesDoc();
    const toWrite = rendered.split('## Still to be written')[1] ?? '';
    for (const code of ssda903CatalogueCodes()) {
      const rows = rendered.match(new RegExp(`^\\| ${code} \\|`, 'gm'))?.length ?? 0;
      const listed = new RegExp(`(^|, |\\n)${code}(,|\\n)`).test(toWrite) ? 1 : 0;
      expect(rows + listed, code).toBe(1);
    }
  });

  it('changes when a rule is added', () => {
    const rendered = renderSsda903RulesDoc(input());
    const fewer = renderSsda903RulesDoc({ ...input(), implemented: RULE_CATALOGUE_COVERAGE.slice(1) });
    expect(fewer).not.toBe(rendered);
    expect(fewer).toContain(`\n${RULE_CATALOGUE_COVERAGE[0]?.code}, `);
  });
});

describe('reasons for rules not implemented', () => {
  it('are given only for catalogue rules that do not run', () => {
    const catalogue = new Set(ssda903CatalogueCodes());
    const running = new Set(RULE_CATALOGUE_COVERAGE.map((rule) => rule.code));
    for (const [code, reason] of Object.entries(NOT_IMPLEMENTED)) {
      expect(catalogue.has(code), code).toBe(true);
      expect(running.has(code), `${code} runs, so drop its reason`).toBe(false);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
