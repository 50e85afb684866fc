import { describe, expect, it } from 'vitest';
import { rule705 } from '../../../../shared/domain/ssda903/rules/rule-705.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 705: overlapping DoLo periods', () => {
  it('accepts a new period starting the day the previous one ended', () => {
    const child = childWith('C1', {
      DoLo: [
        { DOLO_START: '10/06/2025', DOLO_END: '' },
        { DOLO_START: '01/06/2025', DOLO_END: '10/06/2025' },
      ],
    });
    expect(flagged(rule705, child)).toEqual([]);
  });

  it('flags a period starting inside the previous one or while it is open', () => {
    const child = childWith('C1', {
      DoLo: [
        { DOLO_START: '01/06/2025', DOLO_END: '20/06/2025' },
        { DOLO_START: '15/06/2025', DOLO_END: '' },
        { DOLO_START: '01/07/2025', DOLO_END: '05/07/2025' },
      ],
    });
    expect(flagged(rule705, child)).toEqual(['DoLo:3:DOLO_START', 'DoLo:4:DOLO_START']);
  });
});
