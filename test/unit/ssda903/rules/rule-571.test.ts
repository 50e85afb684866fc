import { describe, expect, it } from 'vitest';
import { rule571 } from '../../../../shared/domain/ssda903/rules/rule-571.ts';
import { childWith, contextFor, flagged } from './helpers.ts';

describe('rule 571: Missing ending outside the year', () => {
  it('accepts an end on the first or last day of the year', () => {
    const child = childWith('C1', { Missing: [{ MIS_END: '01/04/2026' }, { MIS_END: '31/03/2027' }] });
    expect(flagged(rule571, child, contextFor(2027))).toEqual([]);
  });

  it('flags an end before or after the year', () => {
    const child = childWith('C1', { Missing: [{ MIS_END: '31/03/2026' }, { MIS_END: '01/04/2027' }] });
    expect(flagged(rule571, child, contextFor(2027))).toEqual(['Missing:2:MIS_END', 'Missing:3:MIS_END']);
  });
});
