import { describe, expect, it } from 'vitest';
import { parsePublishedFigure } from '../../../shared/domain/indicators/published-figures.ts';

describe('reading a published cell', () => {
  it('reads numbers, including zero and decimals', () => {
    expect(parsePublishedFigure('0')).toBe(0);
    expect(parsePublishedFigure('22.6')).toBe(22.6);
    expect(parsePublishedFigure(' 1204 ')).toBe(1204);
    expect(parsePublishedFigure('-3.5')).toBe(-3.5);
  });

  it('reads each DfE symbol as a missing value with its reason', () => {
    expect(parsePublishedFigure('c')).toEqual({ missing: 'c', reason: 'suppressed' });
    expect(parsePublishedFigure('x')).toEqual({ missing: 'x', reason: 'not-available' });
    expect(parsePublishedFigure('z')).toEqual({ missing: 'z', reason: 'not-applicable' });
    expect(parsePublishedFigure('k')).toEqual({ missing: 'k', reason: 'rounds-to-zero' });
    expect(parsePublishedFigure('low')).toEqual({ missing: 'low', reason: 'rounds-to-zero' });
    expect(parsePublishedFigure('u')).toEqual({ missing: 'u', reason: 'low-reliability' });
    expect(parsePublishedFigure(':')).toEqual({ missing: ':', reason: 'not-available' });
    expect(parsePublishedFigure('-')).toEqual({ missing: '-', reason: 'not-published' });
  });

  it('refuses blanks and unknown text rather than guessing', () => {
    expect(() => parsePublishedFigure('')).toThrow();
    expect(() => parsePublishedFigure('n/a')).toThrow();
    expect(() => parsePublishedFigure('12%')).toThrow();
  });
});
