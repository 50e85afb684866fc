import { describe, expect, it } from 'vitest';
import { rule386 } from '../../../../shared/domain/ssda903/rules/rule-386.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const ceasedAt = (dob: string, rec = 'E11') =>
  childWith('C1', { Header: [header({ DOB: dob })], Episodes: [episode({ DEC: '01/06/2025', REC: rec })] });

describe('rule 386: adoption after 18', () => {
  it('accepts adoption the day before the 18th birthday', () => {
    expect(flagged(rule386, ceasedAt('02/06/2007'))).toEqual([]);
    expect(flagged(rule386, ceasedAt('01/06/2007', 'E8'))).toEqual([]);
  });

  it('flags adoption on the 18th birthday', () => {
    expect(flagged(rule386, ceasedAt('01/06/2007'))).toEqual(['Episodes:2:REC']);
  });
});
