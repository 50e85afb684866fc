import { describe, expect, it } from 'vitest';
import { rule1012 } from '../../../../shared/domain/ssda903/rules/rule-1012.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 1012: a care leaver with no episode this year has no other data', () => {
  it('flags other tables for a child in the return only as a care leaver', () => {
    const child = childWith('C1', {
      OC3: [{ IN_TOUCH: 'YES' }],
      Reviews: [{ REVIEW: '01/06/2025' }],
      Missing: [{ MIS_START: '01/07/2025' }],
    });
    expect(flagged(rule1012, child)).toEqual(['Reviews:2:CHILD', 'Missing:2:CHILD']);
  });

  it('accepts other tables when the child has an episode this year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/05/2025', REC: 'E13' })],
      OC3: [{ IN_TOUCH: 'YES' }],
      Reviews: [{ REVIEW: '01/04/2025' }],
    });
    expect(flagged(rule1012, child)).toEqual([]);
  });
});
