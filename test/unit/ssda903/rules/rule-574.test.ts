import { describe, expect, it } from 'vitest';
import { rule574 } from '../../../../shared/domain/ssda903/rules/rule-574.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 574: overlapping Missing periods', () => {
  it('accepts a new period starting the day the previous one ended', () => {
    const child = childWith('C1', {
      Missing: [
        { MIS_START: '10/06/2025', MIS_END: '' },
        { MIS_START: '01/06/2025', MIS_END: '10/06/2025' },
      ],
    });
    expect(flagged(rule574, child)).toEqual([]);
  });

  it('flags a period starting inside the previous one or while it is open', () => {
    const child = childWith('C1', {
      Missing: [
        { MIS_START: '01/06/2025', MIS_END: '20/06/2025' },
        { MIS_START: '15/06/2025', MIS_END: '' },
        { MIS_START: '01/07/2025', MIS_END: '05/07/2025' },
      ],
    });
    expect(flagged(rule574, child)).toEqual(['Missing:3:MIS_START', 'Missing:4:MIS_START']);
  });
});
