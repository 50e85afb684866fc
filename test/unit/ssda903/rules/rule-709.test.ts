import { describe, expect, it } from 'vitest';
import { rule709 } from '../../../../shared/domain/ssda903/rules/rule-709.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

const dolo = (DOLO_START: string, DOLO_END: string) => ({ DOB: '01/05/2010', DOLO_START, DOLO_END });

describe('rule 709: under a deprivation of liberty order the child is in K2, Z12 or Z13', () => {
  it('flags an order overlapping a foster placement', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2026', PLACE: 'U4' })],
      DoLo: [dolo('02/06/2026', '03/07/2026')],
    });
    expect(flagged(rule709, child, contextFor(2027))).toEqual(['DoLo:2:DOLO_START']);
  });

  it('accepts a children’s home, and an order with no end date or outside the episodes', () => {
    const home = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2026', PLACE: 'K2' })],
      DoLo: [dolo('02/06/2026', '03/07/2026')],
    });
    expect(flagged(rule709, home, contextFor(2027))).toEqual([]);
    const other = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2026', DEC: '01/06/2026', REC: 'E8', PLACE: 'U4' })],
      DoLo: [dolo('02/06/2026', '03/07/2026'), dolo('01/05/2026', '')],
    });
    expect(flagged(rule709, other, contextFor(2027))).toEqual([]);
  });
});
