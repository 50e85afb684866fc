import { describe, expect, it } from 'vitest';
import { rule373 } from '../../../../shared/domain/ssda903/rules/rule-373.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const placedAt = (dob: string) =>
  childWith('C1', {
    Header: [header({ DOB: dob })],
    Episodes: [episode({ DECOM: '01/05/2025', PLACE: 'S1' })],
  });

describe('rule 373: residential school needs a child aged 4 or over', () => {
  it('accepts a placement on the birthday', () => {
    expect(flagged(rule373, placedAt('01/05/2021'))).toEqual([]);
  });

  it('flags a placement the day before', () => {
    expect(flagged(rule373, placedAt('02/05/2021'))).toEqual(['Episodes:2:PLACE']);
  });
});
