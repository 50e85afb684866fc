// The backtest's statistics, its publication-lag rules, and a floor under its figures on the real data
// (shared/reference/sources, read in-process).
import { describe, expect, it } from 'vitest';
import {
  auc,
  bootstrapAuc,
  cinPeriodAvailable,
  fitNonNegativeLogistic,
  flagProbability,
  runBacktest,
  seededRandom,
  workforcePeriodAvailable,
} from '../../../scripts/backtest.ts';
import { INDICATOR_WEIGHTS } from '../../../shared/domain/risk/model.ts';

describe('statistics', () => {
  it('computes the AUC with ties counted half', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(auc([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(auc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
    expect(auc([1, 2], [true, true])).toBeNull();
  });

  it('draws the same bootstrap from the same seed', () => {
    const scores = [0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.9, 0.05];
    const outcomes = [false, false, true, true, false, false, true, false];
    const first = bootstrapAuc([scores], outcomes, 300, 42);
    expect(bootstrapAuc([scores], outcomes, 300, 42)).toEqual(first);
    expect(first.intervals[0]!.low).toBeLessThan(auc(scores, outcomes)!);
    expect(first.intervals[0]!.high).toBeGreaterThan(auc(scores, outcomes)!);
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });

  it('flags the worst 20%, sharing the remainder among ties at the cut', () => {
    const population = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(flagProbability(10, population)).toBe(1);
    expect(flagProbability(9, population)).toBe(1);
    expect(flagProbability(8, population)).toBe(0);
    expect(flagProbability(4, [4, 4, 4, 4, 1, 1, 1, 1, 1, 1])).toBeCloseTo(0.5, 12);
  });

  it('fits weights that never go below zero', () => {
    // The second feature is inversely related to the outcome: its weight must stop at zero.
    const features = [
      [1, 1],
      [2, 0.5],
      [0, 2],
      [3, 0],
      [-1, 3],
      [0.5, 1.5],
    ];
    const outcomes = [false, true, false, true, false, true];
    const fit = fitNonNegativeLogistic(features, outcomes, 0.01);
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[1]).toBe(0);
    const free = fitNonNegativeLogistic(features, outcomes, 0.01, { nonNegative: false });
    expect(free.weights[1]).toBeLessThan(0);
  });
});

describe('publication lags', () => {
  it('uses CIN and SSDA903 figures from the January after their December publication', () => {
    expect(cinPeriodAvailable('2023-01-09')).toBe(2022);
    expect(cinPeriodAvailable('2023-12-11')).toBe(2022);
  });

  it('uses workforce figures from the April after their March publication', () => {
    expect(workforcePeriodAvailable('2023-03-27')).toBe(2021);
    expect(workforcePeriodAvailable('2023-04-03')).toBe(2022);
  });
});

describe('backtest on the real inspection history', () => {
  // Achieved when written: out-of-sample AUC 0.692, sensitivity 45%, previous grade 0.579, equal-weight
  // composite 0.606. Floors sit about 0.05 below what was achieved so noise in a rerun does not trip them.
  const report = runBacktest({ bootstrapSamples: 400 });
  const model = (id: string) => report.models.find((row) => row.id === id)!;

  it('scores the whole history with the publication rules', () => {
    expect(report.inspections.total).toBe(268);
    expect(report.inspections.inadequate).toBeGreaterThanOrEqual(30);
    expect(report.excluded).toHaveLength(3);
  });

  it('keeps the out-of-sample AUC above its floor and ahead of both baselines', () => {
    const outOfSample = model('rolling-fit');
    expect(outOfSample.auc).toBeGreaterThanOrEqual(0.64);
    expect(outOfSample.auc).toBeGreaterThan(model('previous-grade').auc);
    expect(outOfSample.auc).toBeGreaterThan(model('equal-composite').auc);
    expect(outOfSample.aucInterval.low).toBeLessThan(outOfSample.auc);
    expect(outOfSample.sensitivity).toBeGreaterThanOrEqual(0.35);
    expect(outOfSample.precision).toBeGreaterThanOrEqual(0.2);
  });

  it('forecasts better than the base rate alone', () => {
    const brier = model('rolling-fit').brier!;
    expect(brier).toBeLessThan(report.baseRate * (1 - report.baseRate));
  });

  it('ships exactly the published weights the final fit gives', () => {
    expect(report.refittedShippedWeights).toEqual(INDICATOR_WEIGHTS);
  });

  it('reports flag rates for every deprivation quintile', () => {
    expect(report.deprivation.map((row) => row.quintile)).toEqual([1, 2, 3, 4, 5]);
    const inspections = report.deprivation.reduce((total, row) => total + row.inspections, 0);
    expect(inspections + report.deprivationUnknown).toBe(report.inspections.tested);
    expect(report.deprivationUnknown).toBeLessThan(10);
  });
});
