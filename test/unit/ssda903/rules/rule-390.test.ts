import { describe, expect, it } from 'vitest';
import { rule390 } from '../../../../shared/domain/ssda903/rules/rule-390.ts';
import { childWith, episode, flagged } from './helpers.ts';

const ended = (place: string, rec: string) =>
  childWith('C1', { Episodes: [episode({ PLACE: place, DEC: '01/12/2025', REC: rec })] });

describe('rule 390: adopted only from a placement for adoption', () => {
  it('flags an adoption from another placement', () => {
    expect(flagged(rule390, ended('U4', 'E11'))).toEqual(['Episodes:2:REC']);
    expect(flagged(rule390, ended('P1', 'E12'))).toEqual(['Episodes:2:REC']);
  });

  it('accepts an adoption from A3 to A6, and other endings anywhere', () => {
    expect(flagged(rule390, ended('A6', 'E12'))).toEqual([]);
    expect(flagged(rule390, ended('U4', 'E13'))).toEqual([]);
  });
});
