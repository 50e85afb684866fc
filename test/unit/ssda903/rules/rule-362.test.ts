import { describe, expect, it } from 'vitest';
import { rule362 } from '../../../../shared/domain/ssda903/rules/rule-362.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 362: emergency protection order at most 21 days', () => {
  it('accepts 21 days', () => {
    expect(
      flagged(
        rule362,
        childWith('C1', {
          Episodes: [episode({ DECOM: '01/05/2025', LS: 'L2', DEC: '22/05/2025', REC: 'E4A' })],
        }),
      ),
    ).toEqual([]);
  });

  it('flags 22 days', () => {
    expect(
      flagged(
        rule362,
        childWith('C1', {
          Episodes: [episode({ DECOM: '01/05/2025', LS: 'L2', DEC: '23/05/2025', REC: 'E4A' })],
        }),
      ),
    ).toEqual(['Episodes:2:LS']);
  });
});
