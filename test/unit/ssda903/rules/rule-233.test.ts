import { describe, expect, it } from 'vitest';
import { rule233 } from '../../../../shared/domain/ssda903/rules/rule-233.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 233: no reason for placement change on an open episode', () => {
  it('accepts a reason on a ceased episode', () => {
    expect(
      flagged(
        rule233,
        childWith('C1', {
          Episodes: [episode({ DEC: '01/06/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CHILD' })],
        }),
      ),
    ).toEqual([]);
  });

  it('flags a reason on an open episode', () => {
    expect(
      flagged(rule233, childWith('C1', { Episodes: [episode({ REASON_PLACE_CHANGE: 'CHILD' })] })),
    ).toEqual(['Episodes:2:REASON_PLACE_CHANGE']);
  });
});
