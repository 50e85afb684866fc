import { describe, expect, it } from 'vitest';
import { rule371, rule371Until2024 } from '../../../../shared/domain/ssda903/rules/rule-371.ts';
import { childWith, contextFor, episode, flagged, header } from './helpers.ts';

const at = (dob: string, place: string) =>
  childWith('C1', {
    Header: [header({ DOB: dob })],
    Episodes: [episode({ DECOM: '01/05/2023', PLACE: place })],
  });

describe('rule 371: minimum age for semi-independent / supported accommodation', () => {
  it('until 2023/24: H5 needs 14', () => {
    expect(flagged(rule371Until2024, at('01/05/2009', 'H5'), contextFor(2024))).toEqual([]);
    expect(flagged(rule371Until2024, at('02/05/2009', 'H5'), contextFor(2024))).toEqual(['Episodes:2:PLACE']);
  });

  it('from 2024/25: K3 needs 16, and H5 is no longer checked', () => {
    expect(flagged(rule371, at('01/05/2007', 'K3'))).toEqual([]);
    expect(flagged(rule371, at('02/05/2007', 'K3'))).toEqual(['Episodes:2:PLACE']);
    expect(flagged(rule371, at('02/05/2012', 'H5'))).toEqual([]);
  });
});
