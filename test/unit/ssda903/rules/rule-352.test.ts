import { describe, expect, it } from 'vitest';
import { rule352 } from '../../../../shared/domain/ssda903/rules/rule-352.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

describe('rule 352: starting to be looked after at 18 or over', () => {
  it('accepts a start the day before the 18th birthday, and a continuation after it', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '02/05/2007' })],
      Episodes: [episode({ DECOM: '01/05/2025', RNE: 'S' }), episode({ DECOM: '01/06/2025', RNE: 'P' })],
    });
    expect(flagged(rule352, child)).toEqual([]);
  });

  it('flags a start on the 18th birthday', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/05/2007' })],
      Episodes: [episode({ DECOM: '01/05/2025' })],
    });
    expect(flagged(rule352, child)).toEqual(['Episodes:2:DECOM']);
  });
});
