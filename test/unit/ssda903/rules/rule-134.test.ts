import { describe, expect, it } from 'vitest';
import { rule134 } from '../../../../shared/domain/ssda903/rules/rule-134.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 134: no adoption data for a care leaver', () => {
  it('flags AD1 beside care leaver information', () => {
    const child = childWith('C1', { OC3: [{ IN_TOUCH: 'YES' }], AD1: [{ DATE_INT: '01/10/2025' }] });
    expect(flagged(rule134, child)).toEqual(['AD1:2:DATE_INT']);
  });

  it('accepts AD1 when OC3 is blank', () => {
    expect(flagged(rule134, childWith('C1', { OC3: [{}], AD1: [{ DATE_INT: '01/10/2025' }] }))).toEqual([]);
  });
});
