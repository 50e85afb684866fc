import { describe, expect, it } from 'vitest';
import { rule184 } from '../../../../shared/domain/ssda903/rules/rule-184.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 184: adoption decision before birth', () => {
  it('accepts a decision after birth', () => {
    expect(
      flagged(
        rule184,
        childWith('C1', { PlacedAdoption: [{ DOB: '15/06/2013', DATE_PLACED: '22/11/2015' }] }),
      ),
    ).toEqual([]);
  });

  it('flags a decision before birth', () => {
    expect(
      flagged(
        rule184,
        childWith('C1', { PlacedAdoption: [{ DOB: '15/06/2013', DATE_PLACED: '14/06/2013' }] }),
      ),
    ).toEqual(['PlacedAdoption:2:DATE_PLACED']);
  });
});
