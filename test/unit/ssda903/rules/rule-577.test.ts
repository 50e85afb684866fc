import { describe, expect, it } from 'vitest';
import { rule577 } from '../../../../shared/domain/ssda903/rules/rule-577.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 577: Missing left open after care ended', () => {
  it('accepts an open period while the child is still looked after', () => {
    const child = childWith('C1', {
      Episodes: [episode()],
      Missing: [{ MIS_START: '01/06/2025', MIS_END: '' }],
    });
    expect(flagged(rule577, child)).toEqual([]);
  });

  it('flags an open period once the final episode has ceased', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/09/2025', REC: 'E13' })],
      Missing: [
        { MIS_START: '01/06/2025', MIS_END: '10/06/2025' },
        { MIS_START: '01/08/2025', MIS_END: '' },
      ],
    });
    expect(flagged(rule577, child)).toEqual(['Missing:3:MIS_END']);
  });
});
