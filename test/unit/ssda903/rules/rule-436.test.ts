import { describe, expect, it } from 'vitest';
import { rule436 } from '../../../../shared/domain/ssda903/rules/rule-436.ts';
import { childWith, episode, flagged } from './helpers.ts';

const first = episode({
  LS: 'V2',
  PLACE: 'U4',
  URN: 'SC1',
  PL_POST: 'AB1 2CD',
  DEC: '01/06/2025',
  REC: 'X1',
});

describe('rule 436: RNE B or U means legal status and placement both changed', () => {
  it('accepts a new legal status and a new placement', () => {
    const child = childWith('C1', {
      Episodes: [
        first,
        { ...first, DECOM: '01/06/2025', RNE: 'B', LS: 'C2', PL_POST: 'EF3 4GH', DEC: '', REC: '' },
      ],
    });
    expect(flagged(rule436, child)).toEqual([]);
  });

  it('flags B with the same legal status, and U with the same placement', () => {
    const child = childWith('C1', {
      Episodes: [
        first,
        { ...first, DECOM: '01/06/2025', RNE: 'B', PLACE: 'R1', DEC: '01/07/2025' },
        { ...first, DECOM: '01/07/2025', RNE: 'U', PLACE: 'R1', LS: 'C2', DEC: '', REC: '' },
      ],
    });
    expect(flagged(rule436, child)).toEqual(['Episodes:3:RNE', 'Episodes:4:RNE']);
  });
});
