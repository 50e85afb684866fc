import { describe, expect, it } from 'vitest';
import { rule381 } from '../../../../shared/domain/ssda903/rules/rule-381.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 381: a period of care cannot end in a temporary placement', () => {
  it('accepts X1 from a temporary placement', () => {
    expect(
      flagged(
        rule381,
        childWith('C1', { Episodes: [episode({ PLACE: 'T3', DEC: '01/06/2025', REC: 'X1' })] }),
      ),
    ).toEqual([]);
  });

  it('flags leaving care from a temporary placement', () => {
    expect(
      flagged(
        rule381,
        childWith('C1', { Episodes: [episode({ PLACE: 'T3', DEC: '01/06/2025', REC: 'E4A' })] }),
      ),
    ).toEqual(['Episodes:2:REC']);
  });
});
