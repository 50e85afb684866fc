import { describe, expect, it } from 'vitest';
import { rule210 } from '../../../../shared/domain/ssda903/rules/rule-210.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

describe('rule 210: UN4 only for a child looked after for under a week at 31 March', () => {
  it('flags UN4 for a child looked after since before 24 March', () => {
    const child = childWith('C1', {
      Header: [header({ UPN: 'UN4' })],
      Episodes: [episode({ DECOM: '23/03/2026' })],
    });
    expect(flagged(rule210, child)).toEqual(['Header:2:UPN']);
  });

  it('accepts UN4 for a child who came into care in the last week', () => {
    const child = childWith('C1', {
      Header: [header({ UPN: 'UN4' })],
      Episodes: [episode({ DECOM: '24/03/2026' })],
    });
    expect(flagged(rule210, child)).toEqual([]);
  });
});
