import { describe, expect, it } from 'vitest';
import { rule117 } from '../../../../shared/domain/ssda903/rules/rule-117.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 117: adoption decisions are not after the year or after care ended', () => {
  it('flags a decision after 31 March and one after care ended', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2026', REC: 'E13' })],
      PlacedAdoption: [
        { DATE_PLACED: '01/04/2026' },
        { DATE_PLACED: '01/06/2025', DATE_PLACED_CEASED: '02/02/2026' },
      ],
    });
    expect(flagged(rule117, child)).toEqual([
      'PlacedAdoption:2:DATE_PLACED',
      'PlacedAdoption:3:DATE_PLACED_CEASED',
    ]);
  });

  it('accepts decisions within the year and while looked after', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2026', REC: 'E11' })],
      PlacedAdoption: [{ DATE_PLACED: '01/06/2025', DATE_PLACED_CEASED: '01/02/2026' }],
    });
    expect(flagged(rule117, child)).toEqual([]);
  });
});
