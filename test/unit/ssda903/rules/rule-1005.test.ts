import { describe, expect, it } from 'vitest';
import { rule1005 } from '../../../../shared/domain/ssda903/rules/rule-1005.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 1005: missing period end is a real date', () => {
  it('accepts 25/11/2017 and a blank', () => {
    expect(
      flagged(rule1005, childWith('C1', { Missing: [{ MIS_END: '25/11/2017' }, { MIS_END: '' }] })),
    ).toEqual([]);
  });

  it('flags 25-11-2017', () => {
    expect(
      flagged(rule1005, childWith('C1', { Missing: [{ MIS_END: '25/11/2017' }, { MIS_END: '25-11-2017' }] })),
    ).toEqual(['Missing:3:MIS_END']);
  });
});
