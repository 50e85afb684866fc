import { describe, expect, it } from 'vitest';
import { rule582 } from '../../../../shared/domain/ssda903/rules/rule-582.ts';
import { childWith, episode, flagged } from './helpers.ts';

const ad1 = (DATE_MATCH: string) => ({
  DOB: '01/05/2020',
  DATE_INT: '01/09/2024',
  DATE_MATCH,
  FOSTER_CARE: '0',
  NB_ADOPTR: '2',
  SEX_ADOPTR: 'MF',
  LS_ADOPTR: 'L0',
});

describe('rule 582: the adoption comes after the match', () => {
  it('flags an adoption on the day of the match', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/12/2025', REC: 'E11' })],
      AD1: [ad1('01/12/2025')],
    });
    expect(flagged(rule582, child)).toEqual(['Episodes:2:DEC']);
  });

  it('accepts a match before the adoption', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/12/2025', REC: 'E12' })],
      AD1: [ad1('01/10/2025')],
    });
    expect(flagged(rule582, child)).toEqual([]);
  });
});
