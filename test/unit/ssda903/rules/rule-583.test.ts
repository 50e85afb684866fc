import { describe, expect, it } from 'vitest';
import { rule583 } from '../../../../shared/domain/ssda903/rules/rule-583.ts';
import { childWith, flagged } from './helpers.ts';

const decision = (DATE_PLACED: string, DATE_PLACED_CEASED: string) => ({
  DOB: '01/05/2020',
  DATE_PLACED,
  DATE_PLACED_CEASED,
  REASON_PLACED_CEASED: DATE_PLACED_CEASED ? 'RD1' : '',
});

describe('rule 583: every decision before the latest has ceased', () => {
  it('flags an earlier decision with no date ceased', () => {
    const child = childWith('C1', {
      PlacedAdoption: [decision('03/02/2025', ''), decision('01/02/2024', '')],
    });
    expect(flagged(rule583, child)).toEqual(['PlacedAdoption:3:DATE_PLACED_CEASED']);
  });

  it('accepts earlier decisions that ceased, with the latest still open', () => {
    const child = childWith('C1', {
      PlacedAdoption: [decision('01/02/2024', '02/02/2024'), decision('03/02/2025', '')],
    });
    expect(flagged(rule583, child)).toEqual([]);
  });
});
