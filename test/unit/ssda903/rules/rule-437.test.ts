import { describe, expect, it } from 'vitest';
import { rule437 } from '../../../../shared/domain/ssda903/rules/rule-437.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 437: nothing after death or an 18+ age assessment', () => {
  it('accepts E2 on the final episode', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '01/06/2025', RNE: 'P', DEC: '01/07/2025', REC: 'E2' }),
      ],
    });
    expect(flagged(rule437, child)).toEqual([]);
  });

  it('flags E15 followed by another episode', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'E15' }), episode({ DECOM: '01/08/2025', RNE: 'S' })],
    });
    expect(flagged(rule437, child)).toEqual(['Episodes:2:REC']);
  });
});
