import { describe, expect, it } from 'vitest';
import { rule601 } from '../../../../shared/domain/ssda903/rules/rule-601.ts';
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
const adopted = episode({ DEC: '01/12/2025', REC: 'E11' });

describe('rule 601: a child adopted this year has complete adoption details', () => {
  it('flags a blank adoption detail, or no adoption details at all', () => {
    expect(
      flagged(rule601, childWith('C1', { Episodes: [adopted], AD1: [{ ...ad1, NB_ADOPTR: '' }] })),
    ).toEqual(['AD1:2:NB_ADOPTR']);
    expect(flagged(rule601, childWith('C1', { Episodes: [adopted] }))).toEqual(['Episodes:2:REC']);
  });

  it('accepts complete details, and an adoption in an earlier year', () => {
    expect(flagged(rule601, childWith('C1', { Episodes: [adopted], AD1: [ad1] }))).toEqual([]);
    const earlier = episode({ DECOM: '01/05/2023', DEC: '01/12/2024', REC: 'E11' });
    expect(flagged(rule601, childWith('C1', { Episodes: [earlier] }))).toEqual([]);
  });
});
