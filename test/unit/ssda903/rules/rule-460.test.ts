import { describe, expect, it } from 'vitest';
import { rule460 } from '../../../../shared/domain/ssda903/rules/rule-460.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const ceasedAt = (dob: string, rec = 'E17') =>
  childWith('C1', { Header: [header({ DOB: dob })], Episodes: [episode({ DEC: '01/06/2025', REC: rec })] });

describe('rule 460: staying put before 18', () => {
  it('accepts staying put from the 18th birthday', () => {
    expect(flagged(rule460, ceasedAt('01/06/2007'))).toEqual([]);
    expect(flagged(rule460, ceasedAt('02/06/2007', 'E8'))).toEqual([]);
  });

  it('flags staying put the day before the 18th birthday', () => {
    expect(flagged(rule460, ceasedAt('02/06/2007'))).toEqual(['Episodes:2:REC']);
  });
});
