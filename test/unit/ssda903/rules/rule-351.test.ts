import { describe, expect, it } from 'vitest';
import { rule351 } from '../../../../shared/domain/ssda903/rules/rule-351.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 351: over 25 at the start of the year', () => {
  it('accepts someone who turns 25 on the first day of the year', () => {
    expect(flagged(rule351, childWith('C1', { Header: [header({ DOB: '01/04/2000' })] }))).toEqual([]);
  });

  it('flags someone who was already 25 before 1 April 2025', () => {
    expect(flagged(rule351, childWith('C1', { Header: [header({ DOB: '31/03/2000' })] }))).toEqual([
      'Header:2:DOB',
    ]);
  });
});
