import { describe, expect, it } from 'vitest';
import { rule581 } from '../../../../shared/domain/ssda903/rules/rule-581.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 581: missing before the child was looked after', () => {
  const episodes = [
    episode({ DECOM: '01/05/2025', DEC: '01/06/2025', REC: 'E13' }),
    episode({ DECOM: '01/08/2025', DEC: '01/09/2025', REC: 'E13' }),
  ];

  it('accepts missing periods within care, and leaves starts after care to rule 578', () => {
    const child = childWith('C1', {
      Episodes: episodes,
      Missing: [
        { MISSING: 'M', MIS_START: '01/05/2025' },
        { MISSING: 'M', MIS_START: '01/09/2025' },
        { MISSING: 'M', MIS_START: '10/09/2025' },
      ],
    });
    expect(flagged(rule581, child)).toEqual([]);
  });

  it('flags a start before the first episode and one between periods of care', () => {
    const child = childWith('C1', {
      Episodes: episodes,
      Missing: [
        { MISSING: 'M', MIS_START: '30/04/2025' },
        { MISSING: 'A', MIS_START: '15/07/2025' },
      ],
    });
    expect(flagged(rule581, child)).toEqual(['Missing:2:MIS_START', 'Missing:3:MIS_START']);
  });
});
