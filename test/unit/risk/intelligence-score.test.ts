// Soft intelligence: severity × confidence, halved every half-life, expired and future items ignored.
import { describe, expect, it } from 'vitest';
import { decayFactor, weighSignal } from '../../../shared/domain/risk/intelligence-score.ts';
import { HALF_LIFE_DAYS } from '../../../shared/domain/risk/model.ts';
import { signal } from './fixtures.ts';

describe('weighSignal', () => {
  it('counts a fresh item at severity × confidence', () => {
    expect(weighSignal(signal(), '2025-06-01').contribution).toBe(200);
    expect(
      weighSignal(signal({ severity: 'critical', confidence: 'medium' }), '2025-06-01').contribution,
    ).toBe(225);
    expect(weighSignal(signal({ severity: 'low', confidence: 'low' }), '2025-06-01').contribution).toBe(25);
  });

  it('halves an item every half-life of its category', () => {
    expect(HALF_LIFE_DAYS['serious-incident']).toBe(365);
    const halfLife = weighSignal(signal(), '2026-06-01');
    expect(halfLife.decayFactor).toBeCloseTo(0.5, 12);
    expect(halfLife.contribution).toBe(100);
    const workforce = weighSignal(
      signal({ category: 'workforce-pressure', expiresOn: '2027-01-01' }),
      '2025-09-29',
    );
    expect(workforce.decayFactor).toBeCloseTo(0.5, 12);
    expect(decayFactor(240, 120)).toBeCloseTo(0.25, 12);
  });

  it('ignores an item after its expiry and before it was observed', () => {
    const expired = weighSignal(signal({ expiresOn: '2025-07-01' }), '2025-07-02');
    expect(expired.status).toBe('expired');
    expect(expired.contribution).toBe(0);
    expect(weighSignal(signal({ expiresOn: '2025-07-01' }), '2025-07-01').status).toBe('counted');
    const future = weighSignal(signal({ observedOn: '2025-08-01' }), '2025-07-01');
    expect(future.status).toBe('not-yet-observed');
    expect(future.contribution).toBe(0);
  });

  it('counts positive assurance against concerns', () => {
    const assurance = weighSignal(
      signal({ category: 'positive-assurance', severity: 'medium' }),
      '2025-06-01',
    );
    expect(assurance.contribution).toBe(-100);
    expect(assurance.red).toBe(false);
  });

  it('makes a fresh high-severity, high-confidence item a red driver, and lets it fade out of red', () => {
    expect(weighSignal(signal(), '2025-06-01').red).toBe(true);
    expect(weighSignal(signal(), '2025-07-01').red).toBe(false);
  });

  it('rejects a date that is not ISO', () => {
    expect(() => weighSignal(signal({ observedOn: '01/06/2025' }), '2025-06-01')).toThrow(/ISO date/);
  });
});
