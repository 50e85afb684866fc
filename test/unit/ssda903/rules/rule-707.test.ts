import { describe, expect, it } from 'vitest';
import { rule707 } from '../../../../shared/domain/ssda903/rules/rule-707.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 707: DoLo left open after care ended', () => {
  it('accepts an open period while the child is still looked after', () => {
    const child = childWith('C1', {
      Episodes: [episode()],
      DoLo: [{ DOLO_START: '01/06/2025', DOLO_END: '' }],
    });
    expect(flagged(rule707, child)).toEqual([]);
  });

  it('flags an open period once the final episode has ceased', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/09/2025', REC: 'E13' })],
      DoLo: [
        { DOLO_START: '01/06/2025', DOLO_END: '10/06/2025' },
        { DOLO_START: '01/08/2025', DOLO_END: '' },
      ],
    });
    expect(flagged(rule707, child)).toEqual(['DoLo:3:DOLO_END']);
  });
});
