import { describe, expect, it } from 'vitest';
import { rule435 } from '../../../../shared/domain/ssda903/rules/rule-435.ts';
import { childWith, episode, flagged } from './helpers.ts';

const first = episode({
  LS: 'C2',
  PLACE: 'U4',
  URN: 'SC1',
  PL_POST: 'AB1 2CD',
  DEC: '01/06/2025',
  REC: 'X1',
});

describe('rule 435: RNE P or T means placement changed, legal status did not', () => {
  it('accepts a new placement under the same legal status', () => {
    const child = childWith('C1', {
      Episodes: [first, { ...first, DECOM: '01/06/2025', RNE: 'P', PLACE: 'R1', DEC: '', REC: '' }],
    });
    expect(flagged(rule435, child)).toEqual([]);
  });

  it('flags P with a changed legal status, and T with no placement change', () => {
    const child = childWith('C1', {
      Episodes: [
        first,
        { ...first, DECOM: '01/06/2025', RNE: 'P', PLACE: 'R1', LS: 'C1', DEC: '01/07/2025' },
        { ...first, DECOM: '01/07/2025', RNE: 'T', PLACE: 'R1', LS: 'C1', DEC: '', REC: '' },
      ],
    });
    expect(flagged(rule435, child)).toEqual(['Episodes:3:RNE', 'Episodes:4:RNE']);
  });
});
