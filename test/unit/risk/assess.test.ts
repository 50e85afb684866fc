// The whole assessment: exact drivers, the matrix, hysteresis and dwell across assessments, overrides,
// provenance, and when a RiskChanged event is due.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../scripts/backtest.ts';
import { computeCouncilIndicators } from '../../../shared/domain/indicators/compute.ts';
import type { InYearMonth } from '../../../shared/domain/inyear/months.ts';
import {
  assessRisk,
  type RiskAssessment,
  type RiskInput,
  riskChanged,
} from '../../../shared/domain/risk/assess.ts';
import { INDICATOR_WEIGHTS, MINIMUM_DWELL_DAYS, MODEL_VERSION } from '../../../shared/domain/risk/model.ts';
import { LA, result, SD, signal } from './fixtures.ts';

/** Results that put the data score at roughly `worse` robust SDs on the two heaviest indicators. */
function indicators(worse: number) {
  return [
    result('assessment-timeliness', { value: 50 - worse * SD }),
    result('average-caseload', { value: 50 + worse * SD, period: 2024 }),
    result('referral-rate', { value: 500 }),
  ];
}

const base: RiskInput = { la: LA, asOf: '2025-06-01', indicators: indicators(0) };

const hundredths = (value: number) => Math.round(value * 100);

describe('assessRisk', () => {
  it('records the model version and where every input value came from', () => {
    const assessment = assessRisk({
      ...base,
      indicators: [
        result('assessment-timeliness', { provenance: 'uploaded' }),
        result('average-caseload', { provenance: 'inyear', period: 2024 }),
      ],
    });
    expect(assessment.modelVersion).toBe(MODEL_VERSION);
    expect(assessment.inputs).toEqual([
      {
        indicator: 'assessment-timeliness',
        domain: 'front-door',
        period: 2025,
        provenance: 'uploaded',
        value: 50,
      },
      { indicator: 'average-caseload', domain: 'workforce', period: 2024, provenance: 'inyear', value: 50 },
    ]);
  });

  it('gives drivers that add up exactly to the data score, the domain scores and the intelligence score', () => {
    const random = seededRandom(7);
    const codes = Object.keys(INDICATOR_WEIGHTS);
    for (let trial = 0; trial < 50; trial += 1) {
      const assessment = assessRisk({
        ...base,
        indicators: codes.map((code) =>
          result(code, {
            value: 50 + (random() - 0.5) * 6 * SD,
            funnel: random() < 0.5 ? { at95: 'within', at998: 'within' } : undefined,
          }),
        ),
        signals: [
          signal({ itemId: 'a', observedOn: '2025-01-17' }),
          signal({
            itemId: 'b',
            category: 'positive-assurance',
            severity: 'medium',
            observedOn: '2025-03-03',
          }),
          signal({
            itemId: 'c',
            category: 'workforce-pressure',
            confidence: 'low',
            observedOn: '2024-12-30',
          }),
        ],
      });
      const sum = (kind: string) =>
        assessment.drivers
          .filter((driver) => driver.kind === kind)
          .reduce((total, driver) => total + hundredths(driver.contribution), 0);
      expect(sum('indicator')).toBe(hundredths(assessment.dataScore));
      expect(sum('intelligence')).toBe(hundredths(assessment.intelligenceScore));
      const domains = assessment.domains.reduce((total, domain) => total + hundredths(domain.score), 0);
      expect(domains).toBe(hundredths(assessment.dataScore));
      for (const driver of assessment.drivers)
        expect(driver.contribution * 100).toBeCloseTo(hundredths(driver.contribution), 9);
    }
  });

  it('lists the five domains, and context indicators apart from the drivers', () => {
    const assessment = assessRisk(base);
    expect(assessment.domains.map((domain) => domain.name)).toEqual([
      'Front door and assessment',
      'Child protection',
      'Children in care',
      'Care leavers',
      'Workforce',
    ]);
    expect(assessment.context.map((item) => item.key)).toEqual(['referral-rate']);
    expect(assessment.drivers.some((driver) => driver.key === 'referral-rate')).toBe(false);
  });

  it('turns worse data into a higher rating, amber at most without intelligence', () => {
    expect(assessRisk(base)).toMatchObject({ dataRating: 'typical', band: 'green' });
    expect(assessRisk({ ...base, indicators: indicators(0.6) })).toMatchObject({
      dataRating: 'elevated',
      band: 'green',
    });
    expect(assessRisk({ ...base, indicators: indicators(1.5) })).toMatchObject({
      dataRating: 'high',
      band: 'amber',
    });
  });

  it('raises the band when a serious item is submitted, and names the item among the drivers', () => {
    const before = assessRisk(base);
    const after = assessRisk({ ...base, previous: before, signals: [signal()] });
    expect(after.intelligenceRating).toBe('concern');
    expect(after.band).toBe('amber');
    const driver = after.drivers.find((item) => item.kind === 'intelligence');
    expect(driver?.text).toContain('Serious incident (high severity, high confidence)');
    expect(driver?.red).toBe(true);
    expect(riskChanged(before, after)).toMatchObject({
      changed: true,
      bandChanged: true,
      from: 'green',
      to: 'amber',
    });
  });

  it('makes a council red when high data and intelligence agree', () => {
    const assessment = assessRisk({ ...base, indicators: indicators(1.5), signals: [signal()] });
    expect(assessment).toMatchObject({ dataRating: 'high', intelligenceRating: 'concern', band: 'red' });
  });

  it('ignores expired intelligence and says so', () => {
    const assessment = assessRisk({
      ...base,
      signals: [signal({ expiresOn: '2025-05-31', observedOn: '2025-01-01' })],
    });
    expect(assessment.intelligenceScore).toBe(0);
    expect(assessment.band).toBe('green');
    expect(assessment.ignoredSignals).toEqual([{ itemId: 'item-1', status: 'expired' }]);
  });

  it('does not flap: a score just under the enter threshold keeps a rating already held', () => {
    const high = assessRisk({ ...base, indicators: indicators(1.5) });
    // 0.8 SD on both heavy indicators scores about 1.5: below the enter threshold, above the leave one.
    const dip = assessRisk({ ...base, asOf: '2025-12-01', indicators: indicators(0.8), previous: high });
    expect(dip.dataScore).toBeLessThan(1.6);
    expect(dip.dataRating).toBe('high');
    expect(dip.band).toBe('amber');
    expect(dip.notes.join(' ')).toContain('leave threshold');
    expect(assessRisk({ ...base, indicators: indicators(0.8) }).dataRating).toBe('elevated');
  });

  it('keeps a band for the minimum dwell before lowering it, and counts the dwell from when it was entered', () => {
    const red = assessRisk({ ...base, indicators: indicators(1.5), signals: [signal()] });
    expect(red.band).toBe('red');
    expect(red.modelBandSince).toBe('2025-06-01');
    const calm: Omit<RiskInput, 'asOf' | 'previous'> = { la: LA, indicators: indicators(0) };
    const early = assessRisk({ ...calm, asOf: '2025-07-01', previous: red });
    expect(early).toMatchObject({ matrixBand: 'green', band: 'red', modelBandSince: '2025-06-01' });
    expect(early.notes.join(' ')).toContain('only since 2025-06-01');
    const stillEarly = assessRisk({ ...calm, asOf: '2025-08-29', previous: early });
    expect(stillEarly.band).toBe('red');
    const due = new Date(Date.parse('2025-06-01') + MINIMUM_DWELL_DAYS * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const released = assessRisk({ ...calm, asOf: due, previous: stillEarly });
    expect(released).toMatchObject({ band: 'green', modelBandSince: due });
  });

  it('applies an override until it expires, with its reason, and then returns to the model', () => {
    const override = {
      band: 'red' as const,
      reason: 'Two serious case reviews under way',
      expiresOn: '2025-07-31',
      by: 'adviser-1',
    };
    const during = assessRisk({ ...base, override });
    expect(during).toMatchObject({ band: 'red', modelBand: 'green' });
    expect(during.override).toMatchObject({ applied: true, reason: override.reason });
    expect(during.notes.join(' ')).toContain('Two serious case reviews under way');
    const lastDay = assessRisk({ ...base, asOf: '2025-07-31', override, previous: during });
    expect(lastDay.band).toBe('red');
    const after = assessRisk({ ...base, asOf: '2025-08-01', override, previous: lastDay });
    expect(after.band).toBe('green');
    expect(after.override?.applied).toBe(false);
    expect(riskChanged(lastDay, after).bandChanged).toBe(true);
  });

  it('refuses an override without a reason or without who set it', () => {
    const override = { band: 'amber' as const, reason: '  ', expiresOn: '2025-07-31', by: 'adviser-1' };
    expect(() => assessRisk({ ...base, override })).toThrow(/reason/);
    expect(() => assessRisk({ ...base, override: { ...override, reason: 'ok', by: '' } })).toThrow(/who/);
  });

  it('refuses inputs for another council or a previous assessment from a later date', () => {
    expect(() => assessRisk({ ...base, signals: [signal({ la: '301' })] })).toThrow(/council 301/);
    const later = assessRisk({ ...base, asOf: '2025-09-01' });
    expect(() => assessRisk({ ...base, previous: later })).toThrow(/later/);
  });

  it('assesses a real council from the shipped national baseline', () => {
    const results = computeCouncilIndicators(LA, 2025);
    const assessment = assessRisk({ la: LA, asOf: '2026-04-01', indicators: results });
    expect(assessment.inputs).toHaveLength(results.length);
    expect(assessment.inputs.every((input) => input.provenance === 'published' || input.value === null)).toBe(
      true,
    );
    expect(assessment.drivers.length + assessment.context.length).toBe(results.length);
  });
});

describe('riskChanged', () => {
  const assessment = (input: Partial<RiskInput>): RiskAssessment => assessRisk({ ...base, ...input });

  it('reports no change when the band and red drivers are the same', () => {
    const first = assessment({});
    const second = assessment({ asOf: '2025-07-01', previous: first });
    expect(riskChanged(first, second)).toMatchObject({
      changed: false,
      bandChanged: false,
      newRedDrivers: [],
    });
  });

  it('reports a new red driver even when the band stays the same', () => {
    const first = assessment({ indicators: indicators(1.5) });
    const worse = [
      result('assessment-timeliness', { value: 50 - 1.5 * SD }),
      result('average-caseload', { value: 50 + 2.4 * SD, period: 2024 }),
    ];
    const second = assessment({ asOf: '2025-07-01', indicators: worse, previous: first });
    expect(second.band).toBe(first.band);
    const change = riskChanged(first, second);
    expect(change.changed).toBe(true);
    expect(change.bandChanged).toBe(false);
    expect(change.newRedDrivers.map((driver) => driver.key)).toEqual(['average-caseload']);
    // The same red driver again is not news.
    expect(
      riskChanged(second, assessment({ asOf: '2025-08-01', indicators: worse, previous: second })).changed,
    ).toBe(false);
  });

  it('treats a first assessment as a change', () => {
    expect(riskChanged(null, assessment({})).changed).toBe(true);
  });
});

describe('in-year "why now" drivers', () => {
  /** Months from April 2024: assessments within 45 days out of 100 completed. */
  const months = (within: readonly number[]): InYearMonth[] =>
    within.map((value, index) => ({
      month: new Date(Date.UTC(2024, 3 + index, 1)).toISOString().slice(0, 7),
      figures: { assessments_completed: 100, assessments_within_45_days: value },
      submissionId: `S-${index}`,
      receivedAt: '2025-10-05T00:00:00Z',
      revision: 1,
    }));
  const stable = [80, 82, 79, 81, 80, 83, 78, 81, 80, 82, 79, 81];

  it('lists a sustained decline with its start month, adding nothing to the score or the band', () => {
    const input: RiskInput = { ...base, indicators: indicators(0.5) };
    const without = assessRisk(input);
    const withDecline = assessRisk({ ...input, inyearMonths: months([...stable, 84, 80, 76, 72, 68, 64]) });
    expect(withDecline.dataScore).toBe(without.dataScore);
    expect(withDecline.band).toBe(without.band);
    const driver = withDecline.drivers.find((candidate) => candidate.kind === 'inyear');
    expect(driver).toMatchObject({
      key: 'assessment-timeliness',
      startMonth: '2025-04',
      latestMonth: '2025-09',
      contribution: 0,
      red: true,
    });
    expect(driver!.text).toContain('fell for 5 months running since April 2025');
    // First among the drivers that add nothing, after those that add points.
    const index = withDecline.drivers.indexOf(driver!);
    expect(withDecline.drivers.slice(0, index).every((other) => other.contribution > 0)).toBe(true);
  });

  it('raises a RiskChanged for a new red in-year driver, and not for a steady year', () => {
    const first = assessRisk({ ...base, inyearMonths: months([...stable, 80, 81]) });
    expect(first.drivers.some((driver) => driver.kind === 'inyear')).toBe(false);
    const second = assessRisk({
      ...base,
      asOf: '2025-10-01',
      previous: first,
      inyearMonths: months([...stable, 84, 80, 76, 72, 68, 64]),
    });
    expect(riskChanged(first, second).newRedDrivers.map((driver) => driver.kind)).toEqual(['inyear']);
  });

  it('does not call a run below the usual level red without a month beyond the limit', () => {
    const assessment = assessRisk({
      ...base,
      inyearMonths: months([...stable, 78, 79, 77, 79, 78, 79, 77, 78]),
    });
    const driver = assessment.drivers.find((candidate) => candidate.kind === 'inyear');
    expect(driver).toMatchObject({ red: false, rules: ['run-one-side'] });
    expect(assessment.band).toBe(assessRisk(base).band);
  });
});
