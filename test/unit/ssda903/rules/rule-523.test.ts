import { describe, expect, it } from 'vitest';
import { rule523 } from '../../../../shared/domain/ssda903/rules/rule-523.ts';
import { childWith, flagged } from './helpers.ts';

const decisions = (placed: string, decided: string) =>
  childWith('C1', { PlacedAdoption: [{ DATE_PLACED: placed }], AD1: [{ DATE_INT: decided }] });

describe('rule 523: the two adoption decision dates agree', () => {
  it('flags both rows when the dates differ', () => {
    expect(flagged(rule523, decisions('01/06/2025', '02/06/2025'))).toEqual([
      'PlacedAdoption:2:DATE_PLACED',
      'AD1:2:DATE_INT',
    ]);
  });

  it('accepts the same date, and a missing date (reported by other rules)', () => {
    expect(flagged(rule523, decisions('01/06/2025', '01/06/2025'))).toEqual([]);
    expect(flagged(rule523, decisions('', '01/06/2025'))).toEqual([]);
  });
});
