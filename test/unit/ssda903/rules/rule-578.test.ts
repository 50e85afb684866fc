import { describe, expect, it } from 'vitest';
import { rule578 } from '../../../../shared/domain/ssda903/rules/rule-578.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 578: missing after care ended', () => {
  it('accepts a missing period starting on the last day of care', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/09/2025', REC: 'E13' })],
      Missing: [{ MISSING: 'M', MIS_START: '01/09/2025' }],
    });
    expect(flagged(rule578, child)).toEqual([]);
  });

  it('flags a missing period starting after the final period of care', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/09/2025', REC: 'E13' })],
      Missing: [{ MISSING: 'M', MIS_START: '02/09/2025' }],
    });
    expect(flagged(rule578, child)).toEqual(['Missing:2:MIS_START']);
  });
});
