import { describe, expect, it } from 'vitest';
import { rule703 } from '../../../../shared/domain/ssda903/rules/rule-703.ts';
import { childWith, contextFor, flagged } from './helpers.ts';

describe('rule 703: DoLo starting after the year', () => {
  it('accepts a start on 31 March', () => {
    expect(
      flagged(rule703, childWith('C1', { DoLo: [{ DOLO_START: '31/03/2027' }] }), contextFor(2027)),
    ).toEqual([]);
  });

  it('flags a start on 1 April', () => {
    expect(
      flagged(rule703, childWith('C1', { DoLo: [{ DOLO_START: '01/04/2027' }] }), contextFor(2027)),
    ).toEqual(['DoLo:2:DOLO_START']);
  });
});
