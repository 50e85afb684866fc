import { describe, expect, it } from 'vitest';
import { rule528 } from '../../../../shared/domain/ssda903/rules/rule-528.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 528: provider PR2 not with P1, R2 or R5', () => {
  it('accepts PR2 with U4, and other providers with R5', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ PLACE_PROVIDER: 'PR2', PLACE: 'U4' }),
        episode({ PLACE_PROVIDER: 'PR9', PLACE: 'R5' }),
      ],
    });
    expect(flagged(rule528, child)).toEqual([]);
  });

  it('flags PR2 with R5', () => {
    expect(
      flagged(rule528, childWith('C1', { Episodes: [episode({ PLACE_PROVIDER: 'PR2', PLACE: 'R5' })] })),
    ).toEqual(['Episodes:2:PLACE_PROVIDER']);
  });
});
