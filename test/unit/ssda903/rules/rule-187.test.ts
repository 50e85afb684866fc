import { describe, expect, it } from 'vitest';
import { rule187 } from '../../../../shared/domain/ssda903/rules/rule-187.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 187: no adoption or care leaver data for a child looked after all year', () => {
  it('flags OC3 and AD1 rows for a child looked after all year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024' })],
      OC3: [{ IN_TOUCH: 'YES', ACTIV: '', ACCOM: '' }],
      AD1: [{ DATE_INT: '', DATE_MATCH: '01/02/2026' }],
    });
    expect(flagged(rule187, child)).toEqual(['OC3:2:IN_TOUCH', 'AD1:2:DATE_MATCH']);
  });

  it('accepts them for a child whose care ended in the year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2026', REC: 'E11' })],
      AD1: [{ DATE_INT: '01/10/2025', DATE_MATCH: '01/11/2025' }],
    });
    expect(flagged(rule187, child)).toEqual([]);
  });
});
