import { describe, expect, it } from 'vitest';
import { rule1004 } from '../../../../shared/domain/ssda903/rules/rule-1004.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 1004: missing period start is a real date', () => {
  it('accepts 13/11/2017 and a blank', () => {
    expect(
      flagged(rule1004, childWith('C1', { Missing: [{ MIS_START: '13/11/2017' }, { MIS_START: '' }] })),
    ).toEqual([]);
  });

  it('flags 31/11/2017', () => {
    expect(
      flagged(
        rule1004,
        childWith('C1', { Missing: [{ MIS_START: '13/11/2017' }, { MIS_START: '31/11/2017' }] }),
      ),
    ).toEqual(['Missing:3:MIS_START']);
  });
});
