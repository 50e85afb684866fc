import { describe, expect, it } from 'vitest';
import type { BaselineCell } from '../../../shared/domain/indicators/baseline.ts';
import { chooseValue, PROVENANCE_PRECEDENCE } from '../../../shared/domain/indicators/provenance.ts';

const published: BaselineCell = { value: 22.6, numerator: 226, denominator: 1000, source: 'ees-c1' };
const suppressed: BaselineCell = { value: { missing: 'c', reason: 'suppressed' }, source: 'ees-c1' };

describe('choosing a value by provenance', () => {
  it('prefers uploaded, then published, then in-year', () => {
    expect(PROVENANCE_PRECEDENCE).toEqual(['uploaded', 'published', 'inyear']);
    const all = { published, uploaded: { value: 21 }, inyear: { value: 30 } };
    expect(chooseValue(all).chosen).toMatchObject({ provenance: 'uploaded', value: 21 });
    expect(chooseValue({ published, inyear: { value: 30 } }).chosen).toMatchObject({
      provenance: 'published',
      value: 22.6,
      numerator: 226,
      denominator: 1000,
    });
    expect(chooseValue({ inyear: { value: 30, numerator: 3, denominator: 10 } }).chosen).toMatchObject({
      provenance: 'inyear',
      value: 30,
    });
  });

  it('keeps all three candidates whichever is chosen', () => {
    const all = { published, uploaded: { value: 21 }, inyear: { value: 30 } };
    expect(chooseValue(all).candidates).toEqual(all);
  });

  it('skips a suppressed published figure but says why it had no number', () => {
    const choice = chooseValue({ published: suppressed, inyear: { value: 12 } });
    expect(choice.chosen).toMatchObject({ provenance: 'inyear', value: 12 });
    expect(choice.publishedMissing).toEqual({ missing: 'c', reason: 'suppressed' });
  });

  it('chooses nothing when no source has a number', () => {
    expect(chooseValue({}).chosen).toBeNull();
    expect(chooseValue({ published: suppressed }).chosen).toBeNull();
    expect(chooseValue({ uploaded: { value: Number.NaN } }).chosen).toBeNull();
  });

  it('does not carry suppressed counts into the chosen value', () => {
    const zeroWithSuppressedBase: BaselineCell = {
      value: 0,
      numerator: 0,
      denominator: { missing: 'c', reason: 'suppressed' },
      source: 'ees-placement-stability',
    };
    const chosen = chooseValue({ published: zeroWithSuppressedBase }).chosen;
    expect(chosen).toMatchObject({ provenance: 'published', value: 0, numerator: 0 });
    expect(chosen?.denominator).toBeUndefined();
  });
});
