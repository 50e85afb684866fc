// Ratings with hysteresis, the escalation matrix and the minimum dwell.
import { describe, expect, it } from 'vitest';
import {
  DATA_RATINGS,
  DATA_THRESHOLDS,
  ESCALATION_MATRIX,
  INTELLIGENCE_RATINGS,
  MINIMUM_DWELL_DAYS,
} from '../../../shared/domain/risk/model.ts';
import { applyDwell, dataRating, escalate, intelligenceRating } from '../../../shared/domain/risk/ratings.ts';

describe('dataRating', () => {
  it('enters each rating at its enter threshold', () => {
    expect(dataRating(DATA_THRESHOLDS.high.enter)).toBe('high');
    expect(dataRating(DATA_THRESHOLDS.high.enter - 0.01)).toBe('elevated');
    expect(dataRating(DATA_THRESHOLDS.elevated.enter)).toBe('elevated');
    expect(dataRating(DATA_THRESHOLDS.elevated.enter - 0.01)).toBe('typical');
  });

  it('keeps a rating until the score falls below its leave threshold', () => {
    const between = (DATA_THRESHOLDS.high.enter + DATA_THRESHOLDS.high.leave) / 2;
    expect(dataRating(between, 'high')).toBe('high');
    expect(dataRating(between, 'elevated')).toBe('elevated');
    expect(dataRating(DATA_THRESHOLDS.high.leave - 0.01, 'high')).toBe('elevated');
    expect(dataRating(DATA_THRESHOLDS.elevated.leave, 'high')).toBe('elevated');
    expect(dataRating(DATA_THRESHOLDS.elevated.leave - 0.01, 'high')).toBe('typical');
    expect(dataRating(DATA_THRESHOLDS.elevated.leave - 0.01, 'elevated')).toBe('typical');
  });

  it('has leave thresholds below enter thresholds', () => {
    for (const pair of Object.values(DATA_THRESHOLDS)) expect(pair.leave).toBeLessThan(pair.enter);
  });
});

describe('intelligenceRating', () => {
  it('rates the net score', () => {
    expect(intelligenceRating(0)).toBe('none');
    expect(intelligenceRating(1)).toBe('concern');
    expect(intelligenceRating(2.5)).toBe('serious');
    expect(intelligenceRating(-1)).toBe('assured');
  });

  it('holds a rating through its leave threshold', () => {
    expect(intelligenceRating(2.2, 'serious')).toBe('serious');
    expect(intelligenceRating(1.9, 'serious')).toBe('concern');
    expect(intelligenceRating(0.8, 'concern')).toBe('concern');
    expect(intelligenceRating(0.7, 'concern')).toBe('none');
    expect(intelligenceRating(-0.8, 'assured')).toBe('assured');
    expect(intelligenceRating(-0.7, 'assured')).toBe('none');
  });
});

describe('escalation matrix', () => {
  it('is the documented table', () => {
    expect(ESCALATION_MATRIX).toEqual({
      typical: { assured: 'green', none: 'green', concern: 'amber', serious: 'amber' },
      elevated: { assured: 'green', none: 'green', concern: 'amber', serious: 'red' },
      high: { assured: 'green', none: 'amber', concern: 'red', serious: 'red' },
    });
  });

  it('never makes a council red on data alone, and never green with serious intelligence', () => {
    for (const data of DATA_RATINGS) {
      expect(escalate(data, 'none')).not.toBe('red');
      expect(escalate(data, 'serious')).not.toBe('green');
    }
  });

  it('never lowers the band as data or intelligence worsen', () => {
    const order = { green: 0, amber: 1, red: 2 } as const;
    for (const [row, data] of DATA_RATINGS.entries()) {
      for (const [column, intelligence] of INTELLIGENCE_RATINGS.entries()) {
        const here = order[escalate(data, intelligence)];
        if (row > 0)
          expect(here).toBeGreaterThanOrEqual(order[escalate(DATA_RATINGS[row - 1]!, intelligence)]);
        if (column > 0)
          expect(here).toBeGreaterThanOrEqual(order[escalate(data, INTELLIGENCE_RATINGS[column - 1]!)]);
      }
    }
  });
});

describe('applyDwell', () => {
  it('raises a band at once', () => {
    expect(applyDwell('red', { band: 'green', sinceDay: 100 }, 101)).toEqual({ band: 'red', held: false });
  });

  it('lowers a band only after the minimum dwell', () => {
    const previous = { band: 'red' as const, sinceDay: 100 };
    expect(applyDwell('amber', previous, 100 + MINIMUM_DWELL_DAYS - 1)).toEqual({ band: 'red', held: true });
    expect(applyDwell('amber', previous, 100 + MINIMUM_DWELL_DAYS)).toEqual({ band: 'amber', held: false });
  });

  it('has nothing to hold without a previous band', () => {
    expect(applyDwell('green', null, 0)).toEqual({ band: 'green', held: false });
  });
});
