import { describe, expect, it } from 'vitest';
import { rule302 } from '../../../../shared/domain/ssda903/rules/rule-302.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

describe('rule 302: first episode before birth', () => {
  it('accepts an episode starting on the day of birth', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/05/2025' })],
      Episodes: [episode({ DECOM: '01/05/2025' })],
    });
    expect(flagged(rule302, child)).toEqual([]);
  });

  it("flags the child's earliest episode when it starts before birth", () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/05/2025' })],
      Episodes: [
        episode({ DECOM: '01/06/2025', RNE: 'P' }),
        episode({ DECOM: '30/04/2025', DEC: '01/06/2025', REC: 'X1' }),
      ],
    });
    expect(flagged(rule302, child)).toEqual(['Episodes:3:DECOM']);
  });
});
