// Calibration: indicators worked out by the service's own ingestion and indicator values from a generated
// return land near the council's published figure for the year (docs/generate.md states the tolerances).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNationalBaseline } from '../../../shared/domain/indicators/reference-data.ts';
import { valuesFromAggregates } from '../../../shared/use-cases/indicator-values.ts';
import { generateAndValidate } from './helpers.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'upstream-calibration-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Largest difference allowed from the published figure, in the indicator's own unit. */
const TOLERANCE: Readonly<Record<string, number>> = {
  // percentages: percentage points
  'placement-instability': 2,
  'long-term-stability': 3,
  'missing-from-care': 2,
  'care-leavers-suitable-accommodation': 2,
  'care-leavers-eet': 2,
  'assessment-timeliness': 3,
  'icpc-timeliness': 2,
  'repeat-cp-plans': 2,
  'referrals-no-further-action': 1,
  'cp-reviews-on-time': 3,
  'sw-turnover-rate': 1,
  'sw-vacancy-rate': 1,
  'sw-agency-rate': 1,
  'sw-absence-rate': 0.5,
  // children per 10,000 aged 0 to 17
  'cla-rate': 2,
  'cla-starting-rate': 2,
  'cin-rate': 5,
  'cp-rate': 2,
  'referral-rate': 5,
  // cases per case-holding FTE
  'average-caseload': 0.5,
};

// Camden, Cambridgeshire and Sunderland: inner London, shire county, metropolitan district.
const COUNCILS = ['202', '873', '394'];
const YEAR = 2025;

describe.each(COUNCILS)('a generated %s return for 2024/25', (la) => {
  it.each(['ssda903', 'cin', 'csww'] as const)(
    '%s indicators are within tolerance of the published figures',
    async (returnType) => {
      const baseline = loadNationalBaseline();
      const checked = await generateAndValidate({ returnType, collectionYear: YEAR, la, seed: 5 }, scratch);
      const { values } = valuesFromAggregates(checked.aggregates!, baseline);
      const compared: string[] = [];
      for (const value of values) {
        const tolerance = TOLERANCE[value.indicator];
        const published = baseline.cell(value.indicator, la, YEAR)?.value;
        if (tolerance === undefined || typeof published !== 'number') continue;
        compared.push(value.indicator);
        expect(
          Math.abs(value.value - published),
          `${value.indicator}: ${value.value} against ${published}`,
        ).toBeLessThanOrEqual(tolerance);
      }
      // Suppressed figures (e.g. "c") are not compared; most indicators still are.
      expect(compared.length).toBeGreaterThanOrEqual(returnType === 'csww' ? 4 : 6);
    },
    60_000,
  );
});
