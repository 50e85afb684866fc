import { describe, expect, it } from 'vitest';
import { rule704 } from '../../../../shared/domain/ssda903/rules/rule-704.ts';
import { childWith, contextFor, flagged } from './helpers.ts';

describe('rule 704: DoLo ending outside the year', () => {
  it('accepts an end on the first or last day of the year', () => {
    const child = childWith('C1', { DoLo: [{ DOLO_END: '01/04/2026' }, { DOLO_END: '31/03/2027' }] });
    expect(flagged(rule704, child, contextFor(2027))).toEqual([]);
  });

  it('flags an end before or after the year', () => {
    const child = childWith('C1', { DoLo: [{ DOLO_END: '31/03/2026' }, { DOLO_END: '01/04/2027' }] });
    expect(flagged(rule704, child, contextFor(2027))).toEqual(['DoLo:2:DOLO_END', 'DoLo:3:DOLO_END']);
  });
});
