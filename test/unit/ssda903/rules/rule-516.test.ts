import { describe, expect, it } from 'vitest';
import { rule516 } from '../../../../shared/domain/ssda903/rules/rule-516.ts';
import { childWith, episode, flagged } from './helpers.ts';

const ended = (place: string, rec: string) =>
  childWith('C1', { Episodes: [episode({ PLACE: place, DEC: '01/12/2025', REC: rec })] });

describe('rule 516: staying put with former foster carers needs a foster placement', () => {
  it('flags staying put from a placement that is not foster care', () => {
    expect(flagged(rule516, ended('K2', 'E45'))).toEqual(['Episodes:2:REC']);
    expect(flagged(rule516, ended('T1', 'E46'))).toEqual(['Episodes:2:REC']);
  });

  it('accepts staying put from foster care, and other endings anywhere', () => {
    expect(flagged(rule516, ended('U6', 'E46'))).toEqual([]);
    expect(flagged(rule516, ended('K2', 'E13'))).toEqual([]);
  });
});
