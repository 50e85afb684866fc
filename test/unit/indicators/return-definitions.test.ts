// The definitions of indicators from returns: one per register indicator, each naming a unit test that
// exists, and "produced" only where an aggregate produces the figure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CinAggregator } from '../../../shared/domain/cin/aggregates.ts';
import { INDICATORS } from '../../../shared/domain/indicators/register.ts';
import { RETURN_DEFINITIONS } from '../../../shared/domain/indicators/return-definitions.ts';
import { CswwAggregator, cswwIndicators } from '../../../shared/domain/workforce/csww-aggregates.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('indicator definitions from returns', () => {
  it('describes every register indicator and nothing else', () => {
    expect(Object.keys(RETURN_DEFINITIONS).sort()).toEqual(INDICATORS.map((each) => each.code).sort());
  });

  it('names unit tests that exist in the files named', () => {
    const missing: string[] = [];
    for (const [code, definition] of Object.entries(RETURN_DEFINITIONS)) {
      if (!definition.produced) continue;
      for (const check of [...definition.exclusions, ...definition.edgeCases]) {
        const source = readFileSync(path.join(repoRoot, check.file), 'utf8');
        if (!source.includes(`'${check.test}'`)) missing.push(`${code}: ${check.file} "${check.test}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says "produced" for every CIN and workforce figure the aggregates make, and "not produced" with a reason otherwise', () => {
    const cin = Object.keys(new CinAggregator(2025, new Map()).result().indicators);
    const csww = Object.keys(
      cswwIndicators(new CswwAggregator(2025).figures({ vacancyFte: 1, agencyFte: 1, agencyHeadcount: 1 })),
    );
    for (const indicator of INDICATORS) {
      const definition = RETURN_DEFINITIONS[indicator.code]!;
      if (indicator.sourceReturn === 'cin') expect(definition.produced).toBe(cin.includes(indicator.code));
      if (indicator.sourceReturn === 'csww') expect(definition.produced).toBe(csww.includes(indicator.code));
      if (!definition.produced) expect(definition.why.length).toBeGreaterThan(40);
    }
    expect(
      INDICATORS.filter((each) => !RETURN_DEFINITIONS[each.code]!.produced).map((each) => each.code),
    ).toEqual(['distant-placements', 'care-leavers-staying-put']);
  });
});
