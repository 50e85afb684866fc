import { describe, expect, it } from 'vitest';
import { rule633 } from '../../../../shared/domain/ssda903/rules/rule-633.ts';
import { childWith, flagged } from './helpers.ts';

const withLa = (laPerm: string) =>
  childWith('C1', { PrevPerm: [{ PREV_PERM: 'P1', LA_PERM: laPerm, DATE_PERM: '05/05/2016' }] });

describe('rule 633: the local authority where the previous permanence order was arranged', () => {
  it('accepts an English council’s number, current or retired, and the codes for outside England', () => {
    // Kent; Dorset county council (835) and Northamptonshire (928), both since replaced; North Northamptonshire.
    for (const code of ['886', '835', '928', '940', 'WAL', 'SCO', 'NIR', 'NUK', ''])
      expect(flagged(rule633, withLa(code)), code).toEqual([]);
  });

  it('flags a code that is no local authority, or a council’s name or ONS code', () => {
    for (const code of ['458', '176', 'Kent', 'E10000016', 'wal', '0886'])
      expect(flagged(rule633, withLa(code)), code).toEqual(['PrevPerm:2:LA_PERM']);
  });
});
