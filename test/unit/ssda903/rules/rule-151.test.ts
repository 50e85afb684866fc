import { describe, expect, it } from 'vitest';
import { rule151 } from '../../../../shared/domain/ssda903/rules/rule-151.ts';
import { childWith, flagged } from './helpers.ts';

const complete = {
  DATE_INT: '01/10/2025',
  DATE_MATCH: '01/11/2025',
  FOSTER_CARE: '0',
  NB_ADOPTR: '2',
  SEX_ADOPTR: 'MF',
  LS_ADOPTR: 'L0',
};

describe('rule 151: the adoption items are all completed or all blank', () => {
  it('flags each blank item on a partly completed row', () => {
    const child = childWith('C1', { AD1: [{ ...complete, NB_ADOPTR: '', LS_ADOPTR: '' }] });
    expect(flagged(rule151, child)).toEqual(['AD1:2:NB_ADOPTR', 'AD1:2:LS_ADOPTR']);
  });

  it('accepts a complete row and an empty one', () => {
    expect(flagged(rule151, childWith('C1', { AD1: [complete, {}] }))).toEqual([]);
  });
});
