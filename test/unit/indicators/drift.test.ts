// Drift between a council's uploaded value and DfE's later published figure for the same year: the
// tolerance per unit, the boundaries, and what the risk rating says about the figure it scored.
import { describe, expect, it } from 'vitest';
import type { BaselineCell } from '../../../shared/domain/indicators/baseline.ts';
import { driftTolerance, publishedDrift } from '../../../shared/domain/indicators/drift.ts';
import { missingFigure, type PublishedFigure } from '../../../shared/domain/indicators/published-figures.ts';
import { findIndicator } from '../../../shared/domain/indicators/register.ts';
import { scoreIndicators } from '../../../shared/domain/risk/assess.ts';
import { result } from '../risk/fixtures.ts';

const cell = (value: PublishedFigure): BaselineCell => ({ value, source: 'ees-placement-stability' });
const percent = findIndicator('placement-instability')!;
const rate = findIndicator('cla-rate')!;
const caseload = findIndicator('average-caseload')!;

describe('drift from DfE’s published figure', () => {
  it('states a tolerance per unit: 1 point, 2% of the rate, 0.5 cases', () => {
    expect(driftTolerance(percent, 12)).toBe(1);
    expect(driftTolerance(rate, 50)).toBe(1);
    expect(driftTolerance(caseload, 17)).toBe(0.5);
  });

  it('records a gap beyond the tolerance and not one on it', () => {
    const between = (uploaded: number, published: number, indicator = percent) =>
      publishedDrift(indicator, { uploaded: { value: uploaded }, published: cell(published) });
    expect(between(13, 12)).toBeNull(); // exactly 1 point
    expect(between(10, 12)).toEqual({ uploaded: 10, published: 12, gap: -2, tolerance: 1 });
    expect(between(51, 50, rate)).toBeNull(); // 2% of 50
    expect(between(52, 50, rate)).toMatchObject({ gap: 2, tolerance: 1 });
    expect(between(17.5, 17, caseload)).toBeNull();
    expect(between(17.6, 17, caseload)).toMatchObject({ gap: 0.6 });
  });

  it('records nothing without both figures, or when DfE printed a symbol', () => {
    expect(publishedDrift(percent, { uploaded: { value: 10 } })).toBeNull();
    expect(publishedDrift(percent, { published: cell(12) })).toBeNull();
    expect(
      publishedDrift(percent, { uploaded: { value: 10 }, published: cell(missingFigure('c')) }),
    ).toBeNull();
  });

  it('says in the risk inputs and the driver that the council’s figure was scored, and what DfE published', () => {
    const drift = { uploaded: 20, published: 12, gap: 8, tolerance: 1 };
    const scored = { ...result('placement-instability', { value: 20, provenance: 'uploaded' }), drift };
    const scoring = scoreIndicators([scored]);
    expect(scoring.inputs[0]).toMatchObject({ provenance: 'uploaded', value: 20, publishedDrift: drift });
    expect(scoring.drivers[0]!.text).toMatch(/; scored on the council's return, DfE published 12%$/);
    const agreeing = scoreIndicators([
      result('placement-instability', { value: 20, provenance: 'uploaded' }),
    ]);
    expect(agreeing.inputs[0]).not.toHaveProperty('publishedDrift');
    expect(agreeing.drivers[0]!.text).not.toMatch(/DfE published/);
  });
});
