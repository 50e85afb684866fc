import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS_DOC_PATH, renderIndicatorsDoc } from '../../../scripts/render-indicators-doc.ts';
import { INDICATORS } from '../../../shared/domain/indicators/register.ts';

describe('docs/indicators.md', () => {
  it('is up to date with the register (run `npx tsx scripts/render-indicators-doc.ts`)', () => {
    expect(readFileSync(INDICATORS_DOC_PATH, 'utf8')).toBe(renderIndicatorsDoc());
  });

  it('documents every indicator and changes when the register does', () => {
    const rendered = renderIndicatorsDoc();
    for (const indicator of INDICATORS) expect(rendered).toContain(`\`${indicator.code}\``);
    const renamed = INDICATORS.map((indicator, index) =>
      index === 0 ? { ...indicator, name: 'Renamed' } : indicator,
    );
    expect(renderIndicatorsDoc(renamed)).not.toBe(rendered);
  });
});
