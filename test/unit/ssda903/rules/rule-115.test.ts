import { describe, expect, it } from 'vitest';
import { rule115 } from '../../../../shared/domain/ssda903/rules/rule-115.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 115: date of decision to place for adoption is a real date', () => {
  it('accepts 22/11/2015 and a blank', () => {
    expect(
      flagged(
        rule115,
        childWith('C1', { PlacedAdoption: [{ DATE_PLACED: '22/11/2015' }, { DATE_PLACED: '' }] }),
      ),
    ).toEqual([]);
  });

  it('flags 2015-11-22', () => {
    expect(
      flagged(
        rule115,
        childWith('C1', { PlacedAdoption: [{ DATE_PLACED: '22/11/2015' }, { DATE_PLACED: '2015-11-22' }] }),
      ),
    ).toEqual(['PlacedAdoption:3:DATE_PLACED']);
  });
});
