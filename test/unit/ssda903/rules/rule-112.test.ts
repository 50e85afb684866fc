import { describe, expect, it } from 'vitest';
import { rule112 } from '../../../../shared/domain/ssda903/rules/rule-112.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 112: date should be placed for adoption is a real date', () => {
  it('accepts 22/11/2015 and a blank', () => {
    expect(
      flagged(rule112, childWith('C1', { AD1: [{ DATE_INT: '22/11/2015' }, { DATE_INT: '' }] })),
    ).toEqual([]);
  });

  it('flags 22/11/15', () => {
    expect(
      flagged(rule112, childWith('C1', { AD1: [{ DATE_INT: '22/11/2015' }, { DATE_INT: '22/11/15' }] })),
    ).toEqual(['AD1:3:DATE_INT']);
  });
});
