import { describe, expect, it } from 'vitest';
import { dayParts, formatUkDay, parseIsoDate, parseUkDate } from '../../../shared/domain/dates.ts';

describe('dates', () => {
  it('parses real UK dates and refuses impossible ones', () => {
    expect(parseUkDate('29/02/2024')).not.toBeNull();
    expect(parseUkDate('29/02/2025')).toBeNull();
    expect(parseUkDate('31/04/2025')).toBeNull();
    expect(parseUkDate('2025-04-01')).toBeNull();
    expect(parseUkDate(' 1/4/2025 ')).toBe(parseIsoDate('2025-04-01'));
  });

  it('orders and round-trips days', () => {
    const start = parseUkDate('31/03/2025')!;
    expect(parseUkDate('01/04/2025')! - start).toBe(1);
    expect(formatUkDay(start)).toBe('31/03/2025');
    expect(dayParts(start)).toEqual({ year: 2025, month: 3, day: 31 });
  });
});
