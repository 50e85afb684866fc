import { describe, expect, it } from 'vitest';
import { rule620 } from '../../../../shared/domain/ssda903/rules/rule-620.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 620: a mother under 11', () => {
  it('accepts a mother who was 11 by the start of the year', () => {
    expect(
      flagged(rule620, childWith('C1', { Header: [header({ MOTHER: '1', DOB: '01/04/2014' })] })),
    ).toEqual([]);
  });

  it('flags a mother who was still 10 on 1 April 2025', () => {
    expect(
      flagged(rule620, childWith('C1', { Header: [header({ MOTHER: '1', DOB: '02/04/2014' })] })),
    ).toEqual(['Header:2:DOB']);
  });
});
