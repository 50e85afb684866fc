import { describe, expect, it } from 'vitest';
import { rule142 } from '../../../../shared/domain/ssda903/rules/rule-142.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 142: earlier episodes must be closed', () => {
  it('accepts closed earlier episodes and an open latest one', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'X1' }),
        episode({ DECOM: '01/06/2025', RNE: 'P', PLACE: 'U1' }),
      ],
    });
    expect(flagged(rule142, child)).toEqual([]);
  });

  it('flags an earlier episode without DEC, or without REC, whatever the file order', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/09/2025', RNE: 'P' }),
        episode({ DECOM: '01/05/2025', DEC: '', REC: 'X1' }),
        episode({ DECOM: '01/07/2025', DEC: '01/09/2025', REC: '' }),
      ],
    });
    expect(flagged(rule142, child)).toEqual(['Episodes:3:DEC', 'Episodes:4:REC']);
  });
});
