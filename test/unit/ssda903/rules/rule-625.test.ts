import { describe, expect, it } from 'vitest';
import { rule625 } from '../../../../shared/domain/ssda903/rules/rule-625.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const mother = (MC_DOB: string, episodes: Record<string, string>[]) =>
  childWith('C1', {
    Header: [header({ DOB: '01/06/2008', MOTHER: '1', MC_DOB })],
    Episodes: episodes.map((e) => episode(e)),
  });

describe('rule 625: the first child is born by the end of the year and while looked after', () => {
  it('flags a birth after 31 March 2026, or after care ended', () => {
    expect(flagged(rule625, mother('01/04/2026', [{}]))).toEqual(['Header:2:MC_DOB']);
    expect(flagged(rule625, mother('01/02/2026', [{ DEC: '01/01/2026', REC: 'E8' }]))).toEqual([
      'Header:2:MC_DOB',
    ]);
  });

  it('accepts a birth while still looked after', () => {
    expect(
      flagged(rule625, mother('01/02/2026', [{ DEC: '01/01/2026', REC: 'X1' }, { DECOM: '01/01/2026' }])),
    ).toEqual([]);
  });
});
