import { describe, expect, it } from 'vitest';
import { rule359 } from '../../../../shared/domain/ssda903/rules/rule-359.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const child = (dob: string, overrides: Record<string, string>) =>
  childWith('C1', { Header: [header({ DOB: dob })], Episodes: [episode(overrides)] });

describe('rule 359: looked after past 18 only under section 20(5) in a community home', () => {
  it('flags an open episode of a young person 18 before the year ended, other than V2 in K2', () => {
    expect(flagged(rule359, child('01/03/2008', { LS: 'V2', PLACE: 'K1' }))).toEqual(['Episodes:2:LS']);
    expect(flagged(rule359, child('01/03/2008', { LS: 'C2', PLACE: 'U4' }))).toEqual(['Episodes:2:LS']);
  });

  it('accepts V2 in K2, a closed episode, and a child not yet 18', () => {
    expect(flagged(rule359, child('01/03/2008', { LS: 'V2', PLACE: 'K2' }))).toEqual([]);
    expect(flagged(rule359, child('01/03/2008', { DEC: '01/03/2026', REC: 'E8' }))).toEqual([]);
    expect(flagged(rule359, child('31/03/2008', {}))).toEqual([]);
  });
});
