import { describe, expect, it } from 'vitest';
import { rule358 } from '../../../../shared/domain/ssda903/rules/rule-358.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

describe('rule 358: youth justice legal status under 10', () => {
  it('accepts J2 from the 10th birthday', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '01/05/2015' })],
      Episodes: [episode({ DECOM: '01/05/2025', LS: 'J2' })],
    });
    expect(flagged(rule358, child)).toEqual([]);
  });

  it('flags J1 the day before the 10th birthday', () => {
    const child = childWith('C1', {
      Header: [header({ DOB: '02/05/2015' })],
      Episodes: [episode({ DECOM: '01/05/2025', LS: 'J1' })],
    });
    expect(flagged(rule358, child)).toEqual(['Episodes:2:LS']);
  });
});
