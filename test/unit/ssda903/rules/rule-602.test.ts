import { describe, expect, it } from 'vitest';
import { rule602 } from '../../../../shared/domain/ssda903/rules/rule-602.ts';
import { childWith, episode, flagged } from './helpers.ts';

const ad1 = {
  DOB: '01/05/2020',
  DATE_INT: '01/09/2024',
  DATE_MATCH: '01/10/2024',
  FOSTER_CARE: '0',
  NB_ADOPTR: '2',
  SEX_ADOPTR: 'MF',
  LS_ADOPTR: 'L0',
};

describe('rule 602: adoption details belong to a child adopted during the year', () => {
  it('flags adoption details with no adoption among the episodes', () => {
    const child = childWith('C1', { Episodes: [episode({ DEC: '01/12/2025', REC: 'E8' })], AD1: [ad1] });
    expect(flagged(rule602, child)).toEqual(['AD1:2:CHILD']);
  });

  it('accepts an adoption ending an episode this year', () => {
    const child = childWith('C1', { Episodes: [episode({ DEC: '01/12/2025', REC: 'E11' })], AD1: [ad1] });
    expect(flagged(rule602, child)).toEqual([]);
  });
});
