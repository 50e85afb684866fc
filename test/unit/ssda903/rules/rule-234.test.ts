import { describe, expect, it } from 'vitest';
import { rule234 } from '../../../../shared/domain/ssda903/rules/rule-234.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const movedToCustody = (dob: string) =>
  childWith('C1', {
    Header: [header({ DOB: dob })],
    Episodes: [episode({ DEC: '01/06/2025', REC: 'X1', REASON_PLACE_CHANGE: 'CUSTOD' })],
  });

describe('rule 234: custody as a reason needs a child aged 10+', () => {
  it('accepts custody from the 10th birthday', () => {
    expect(flagged(rule234, movedToCustody('01/06/2015'))).toEqual([]);
  });

  it('flags custody for a child of 9', () => {
    expect(flagged(rule234, movedToCustody('02/06/2015'))).toEqual(['Episodes:2:REASON_PLACE_CHANGE']);
  });
});
