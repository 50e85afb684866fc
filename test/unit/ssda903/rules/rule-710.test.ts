import { describe, expect, it } from 'vitest';
import { rule710 } from '../../../../shared/domain/ssda903/rules/rule-710.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

const dolo = (DOLO_START: string, DOLO_END: string) => ({ DOB: '01/05/2010', DOLO_START, DOLO_END });

describe('rule 710: no secure home, parents, custody or supported accommodation under an order', () => {
  it('flags an order overlapping a placement with parents', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2026', PLACE: 'P1' })],
      DoLo: [dolo('02/06/2026', '03/07/2026')],
    });
    expect(flagged(rule710, child, contextFor(2027))).toEqual(['DoLo:2:DOLO_START']);
  });

  it('accepts a children’s home', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2026', PLACE: 'K2' })],
      DoLo: [dolo('02/06/2026', '03/07/2026')],
    });
    expect(flagged(rule710, child, contextFor(2027))).toEqual([]);
  });
});
