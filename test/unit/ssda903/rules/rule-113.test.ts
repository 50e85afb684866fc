import { describe, expect, it } from 'vitest';
import { rule113 } from '../../../../shared/domain/ssda903/rules/rule-113.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 113: date matched with adopters is a real date', () => {
  it('accepts 22/11/2015 and a blank', () => {
    expect(
      flagged(rule113, childWith('C1', { AD1: [{ DATE_MATCH: '22/11/2015' }, { DATE_MATCH: '' }] })),
    ).toEqual([]);
  });

  it('flags 00/11/2015', () => {
    expect(
      flagged(
        rule113,
        childWith('C1', { AD1: [{ DATE_MATCH: '22/11/2015' }, { DATE_MATCH: '00/11/2015' }] }),
      ),
    ).toEqual(['AD1:3:DATE_MATCH']);
  });
});
