import { describe, expect, it } from 'vitest';
import { rule701 } from '../../../../shared/domain/ssda903/rules/rule-701.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 701: DoLO end is a real date', () => {
  it('accepts 02/01/2027 and a blank', () => {
    expect(
      flagged(rule701, childWith('C1', { DoLo: [{ DOLO_END: '02/01/2027' }, { DOLO_END: '' }] })),
    ).toEqual([]);
  });

  it('flags 29/02/2027', () => {
    expect(
      flagged(rule701, childWith('C1', { DoLo: [{ DOLO_END: '02/01/2027' }, { DOLO_END: '29/02/2027' }] })),
    ).toEqual(['DoLo:3:DOLO_END']);
  });
});
