import { describe, expect, it } from 'vitest';
import { rule407 } from '../../../../shared/domain/ssda903/rules/rule-407.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const ceasedAt = (dob: string, rec = 'E46') =>
  childWith('C1', { Header: [header({ DOB: dob })], Episodes: [episode({ DEC: '01/06/2025', REC: rec })] });

describe('rule 407: special guardianship after 18', () => {
  it('accepts an order the day before the 18th birthday', () => {
    expect(flagged(rule407, ceasedAt('02/06/2007'))).toEqual([]);
    expect(flagged(rule407, ceasedAt('01/06/2007', 'E8'))).toEqual([]);
  });

  it('flags an order on the 18th birthday', () => {
    expect(flagged(rule407, ceasedAt('01/06/2007'))).toEqual(['Episodes:2:REC']);
  });
});
