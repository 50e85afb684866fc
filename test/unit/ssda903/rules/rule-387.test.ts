import { describe, expect, it } from 'vitest';
import { rule387 } from '../../../../shared/domain/ssda903/rules/rule-387.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const ceasedAt = (dob: string, rec = 'E6') =>
  childWith('C1', { Header: [header({ DOB: dob })], Episodes: [episode({ DEC: '01/06/2025', REC: rec })] });

describe('rule 387: independent living under 14', () => {
  it('accepts independent living from the 14th birthday', () => {
    expect(flagged(rule387, ceasedAt('01/06/2011'))).toEqual([]);
    expect(flagged(rule387, ceasedAt('02/06/2011', 'E8'))).toEqual([]);
  });

  it('flags independent living the day before the 14th birthday', () => {
    expect(flagged(rule387, ceasedAt('02/06/2011'))).toEqual(['Episodes:2:REC']);
  });
});
