import { describe, expect, it } from 'vitest';
import { rule367 } from '../../../../shared/domain/ssda903/rules/rule-367.ts';
import { childWith, episode, flagged } from './helpers.ts';

const breaks = (...spans: [string, string][]) =>
  childWith('C1', {
    Episodes: spans.map(([decom, dec]) =>
      episode({ DECOM: decom, LS: 'V3', DEC: dec, REC: dec === '' ? '' : 'E13' }),
    ),
  });

describe('rule 367: at most 75 days of short breaks in a year', () => {
  it('accepts 75 days', () => {
    expect(flagged(rule367, breaks(['01/05/2025', '01/06/2025'], ['01/07/2025', '14/08/2025']))).toEqual([]);
  });

  it('flags every counted break when they add up to more than 75 days', () => {
    expect(flagged(rule367, breaks(['01/05/2025', '01/06/2025'], ['01/07/2025', '15/08/2025']))).toEqual([
      'Episodes:2:LS',
      'Episodes:3:LS',
    ]);
  });

  it('counts only days inside the collection year, and an open break to 31 March', () => {
    expect(flagged(rule367, breaks(['01/01/2025', '10/05/2025']))).toEqual([]);
    expect(flagged(rule367, breaks(['01/01/2026', '']))).toEqual(['Episodes:2:LS']);
  });
});
