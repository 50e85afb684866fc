import { describe, expect, it } from 'vitest';
import { rule380 } from '../../../../shared/domain/ssda903/rules/rule-380.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 380: a period of care cannot start in a temporary placement', () => {
  it('accepts a move into a temporary placement', () => {
    expect(flagged(rule380, childWith('C1', { Episodes: [episode({ RNE: 'P', PLACE: 'T2' })] }))).toEqual([]);
  });

  it('flags S with a temporary placement', () => {
    expect(flagged(rule380, childWith('C1', { Episodes: [episode({ RNE: 'S', PLACE: 'T0' })] }))).toEqual([
      'Episodes:2:PLACE',
    ]);
  });

  it('flags a temporary placement that starts a new period of care after a break, whatever its reason code', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'E13' }),
        episode({ DECOM: '01/08/2025', RNE: 'P', PLACE: 'T1' }),
      ],
    });
    expect(flagged(rule380, child)).toEqual(['Episodes:3:PLACE']);
  });

  it("does not treat the child's first episode in the return as a start unless it says so (S)", () => {
    expect(flagged(rule380, childWith('C1', { Episodes: [episode({ RNE: 'T', PLACE: 'T1' })] }))).toEqual([]);
  });
});
