import { describe, expect, it } from 'vitest';
import { rule575 } from '../../../../shared/domain/ssda903/rules/rule-575.ts';
import { childWith, episode, flagged } from './helpers.ts';

const missing = (MIS_START: string, MIS_END: string) => ({
  DOB: '01/05/2010',
  MISSING: 'M',
  MIS_START,
  MIS_END,
});

describe('rule 575: a missing period ends when its placement ends', () => {
  it('flags an open period that began during a placement that has ended', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2025', DEC: '10/06/2025', REC: 'E8' })],
      Missing: [missing('08/06/2025', '')],
    });
    expect(flagged(rule575, child)).toEqual(['Missing:2:MIS_END']);
  });

  it('accepts a period with an end date, and one in a placement still going', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/06/2025', DEC: '10/06/2025', REC: 'X1' }),
        episode({ DECOM: '10/06/2025' }),
      ],
      Missing: [missing('05/06/2025', '06/06/2025'), missing('12/06/2025', '')],
    });
    expect(flagged(rule575, child)).toEqual([]);
  });
});
