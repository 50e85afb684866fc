import { describe, expect, it } from 'vitest';
import { rule567 } from '../../../../shared/domain/ssda903/rules/rule-567.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 567: Missing ends before it starts', () => {
  it('accepts an end on or after the start, or no end', () => {
    const child = childWith('C1', {
      Missing: [
        { MIS_START: '01/06/2025', MIS_END: '01/06/2025' },
        { MIS_START: '01/07/2025', MIS_END: '' },
      ],
    });
    expect(flagged(rule567, child)).toEqual([]);
  });

  it('flags an end before the start', () => {
    expect(
      flagged(rule567, childWith('C1', { Missing: [{ MIS_START: '01/06/2025', MIS_END: '31/05/2025' }] })),
    ).toEqual(['Missing:2:MIS_END']);
  });
});
