import { describe, expect, it } from 'vitest';
import { rule702 } from '../../../../shared/domain/ssda903/rules/rule-702.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 702: DoLo ends before it starts', () => {
  it('accepts an end on or after the start, or no end', () => {
    const child = childWith('C1', {
      DoLo: [
        { DOLO_START: '01/06/2025', DOLO_END: '01/06/2025' },
        { DOLO_START: '01/07/2025', DOLO_END: '' },
      ],
    });
    expect(flagged(rule702, child)).toEqual([]);
  });

  it('flags an end before the start', () => {
    expect(
      flagged(rule702, childWith('C1', { DoLo: [{ DOLO_START: '01/06/2025', DOLO_END: '31/05/2025' }] })),
    ).toEqual(['DoLo:2:DOLO_END']);
  });
});
