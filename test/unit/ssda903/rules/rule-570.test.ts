import { describe, expect, it } from 'vitest';
import { rule570 } from '../../../../shared/domain/ssda903/rules/rule-570.ts';
import { childWith, contextFor, flagged } from './helpers.ts';

describe('rule 570: Missing starting after the year', () => {
  it('accepts a start on 31 March', () => {
    expect(
      flagged(rule570, childWith('C1', { Missing: [{ MIS_START: '31/03/2027' }] }), contextFor(2027)),
    ).toEqual([]);
  });

  it('flags a start on 1 April', () => {
    expect(
      flagged(rule570, childWith('C1', { Missing: [{ MIS_START: '01/04/2027' }] }), contextFor(2027)),
    ).toEqual(['Missing:2:MIS_START']);
  });
});
