import { describe, expect, it } from 'vitest';
import { rule301 } from '../../../../shared/domain/ssda903/rules/rule-301.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 301: date of birth after the year ended', () => {
  it('accepts a birth on the last day of the year (31 March 2026)', () => {
    expect(flagged(rule301, childWith('C1', { Header: [header({ DOB: '31/03/2026' })] }))).toEqual([]);
  });

  it('flags a birth after 31 March 2026', () => {
    expect(flagged(rule301, childWith('C1', { Header: [header({ DOB: '01/04/2026' })] }))).toEqual([
      'Header:2:DOB',
    ]);
  });
});
