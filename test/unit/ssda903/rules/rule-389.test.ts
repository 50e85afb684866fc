import { describe, expect, it } from 'vitest';
import { rule389 } from '../../../../shared/domain/ssda903/rules/rule-389.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const ceasedAt = (dob: string, rec = 'E7') =>
  childWith('C1', { Header: [header({ DOB: dob })], Episodes: [episode({ DEC: '01/06/2025', REC: rec })] });

describe('rule 389: adult social care under 16', () => {
  it('accepts the move from the 16th birthday', () => {
    expect(flagged(rule389, ceasedAt('01/06/2009'))).toEqual([]);
    expect(flagged(rule389, ceasedAt('02/06/2009', 'E8'))).toEqual([]);
  });

  it('flags the move the day before the 16th birthday', () => {
    expect(flagged(rule389, ceasedAt('02/06/2009'))).toEqual(['Episodes:2:REC']);
  });
});
