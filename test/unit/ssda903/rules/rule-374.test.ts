import { describe, expect, it } from 'vitest';
import { rule374 } from '../../../../shared/domain/ssda903/rules/rule-374.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const placedAt = (dob: string) =>
  childWith('C1', {
    Header: [header({ DOB: dob })],
    Episodes: [episode({ DECOM: '01/05/2025', PLACE: 'P3' })],
  });

describe('rule 374: residential employment needs a child aged 14 or over', () => {
  it('accepts a placement on the birthday', () => {
    expect(flagged(rule374, placedAt('01/05/2011'))).toEqual([]);
  });

  it('flags a placement the day before', () => {
    expect(flagged(rule374, placedAt('02/05/2011'))).toEqual(['Episodes:2:PLACE']);
  });
});
