// The demo story plays the months of the demo year that have ended by the time `npm start` runs.
import { describe, expect, it } from 'vitest';
import { monthsPlayed } from '../../../scripts/demo/world.ts';

describe('monthsPlayed', () => {
  it('counts the months of the collection year that have ended', () => {
    expect(monthsPlayed(2027, new Date('2026-12-05T22:00:00Z'))).toBe(8);
    expect(monthsPlayed(2027, new Date('2026-05-01T00:00:00Z'))).toBe(1);
  });

  it('plays at least one month before the year starts and at most twelve after it ends', () => {
    expect(monthsPlayed(2027, new Date('2026-02-10T00:00:00Z'))).toBe(1);
    expect(monthsPlayed(2027, new Date('2027-09-10T00:00:00Z'))).toBe(12);
  });
});
