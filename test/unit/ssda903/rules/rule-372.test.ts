import { describe, expect, it } from 'vitest';
import { rule372 } from '../../../../shared/domain/ssda903/rules/rule-372.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const placedAt = (dob: string) =>
  childWith('C1', {
    Header: [header({ DOB: dob })],
    Episodes: [episode({ DECOM: '01/05/2025', PLACE: 'R5' })],
  });

describe('rule 372: youth custody or prison needs a child aged 10 or over', () => {
  it('accepts a placement on the birthday', () => {
    expect(flagged(rule372, placedAt('01/05/2015'))).toEqual([]);
  });

  it('flags a placement the day before', () => {
    expect(flagged(rule372, placedAt('02/05/2015'))).toEqual(['Episodes:2:PLACE']);
  });
});
