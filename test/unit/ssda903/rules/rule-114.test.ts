import { describe, expect, it } from 'vitest';
import { rule114 } from '../../../../shared/domain/ssda903/rules/rule-114.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 114: adopted by foster carers code', () => {
  it('accepts 1 and a blank', () => {
    expect(flagged(rule114, childWith('C1', { AD1: [{ FOSTER_CARE: '1' }, { FOSTER_CARE: '' }] }))).toEqual(
      [],
    );
  });

  it('flags TRUE', () => {
    expect(flagged(rule114, childWith('C1', { AD1: [{ FOSTER_CARE: 'TRUE' }] }))).toEqual([
      'AD1:2:FOSTER_CARE',
    ]);
  });
});
