import { describe, expect, it } from 'vitest';
import { rule434 } from '../../../../shared/domain/ssda903/rules/rule-434.ts';
import { childWith, episode, flagged } from './helpers.ts';

const first = episode({
  LS: 'V2',
  PLACE: 'U4',
  URN: 'SC1',
  PL_POST: 'AB1 2CD',
  DEC: '01/06/2025',
  REC: 'X1',
});

describe('rule 434: RNE L means legal status changed, placement did not', () => {
  it('accepts a new legal status in the same placement', () => {
    const child = childWith('C1', {
      Episodes: [first, { ...first, DECOM: '01/06/2025', RNE: 'L', LS: 'C2', DEC: '', REC: '' }],
    });
    expect(flagged(rule434, child)).toEqual([]);
  });

  it('flags L with an unchanged legal status or a changed placement detail', () => {
    const child = childWith('C1', {
      Episodes: [
        first,
        { ...first, DECOM: '01/06/2025', RNE: 'L', LS: 'V2', DEC: '01/07/2025' },
        { ...first, DECOM: '01/07/2025', RNE: 'L', LS: 'C2', URN: 'SC2', DEC: '', REC: '' },
      ],
    });
    expect(flagged(rule434, child)).toEqual(['Episodes:3:RNE', 'Episodes:4:RNE']);
  });
});
