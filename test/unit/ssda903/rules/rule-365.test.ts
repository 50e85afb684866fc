import { describe, expect, it } from 'vitest';
import { rule365 } from '../../../../shared/domain/ssda903/rules/rule-365.ts';
import { childWith, episode, flagged } from './helpers.ts';

const shortBreak = (decom: string, dec: string) =>
  childWith('C1', {
    Episodes: [episode({ DECOM: decom, LS: 'V3', DEC: dec, REC: dec === '' ? '' : 'E13' })],
  });

describe('rule 365: one short break at most 17 days', () => {
  it('accepts 17 days', () => {
    expect(flagged(rule365, shortBreak('01/05/2025', '18/05/2025'))).toEqual([]);
  });

  it('flags 18 days, and an open break more than 17 days before 31 March', () => {
    expect(flagged(rule365, shortBreak('01/05/2025', '19/05/2025'))).toEqual(['Episodes:2:DEC']);
    expect(flagged(rule365, shortBreak('01/03/2026', ''))).toEqual(['Episodes:2:DEC']);
  });

  it('does not look at other legal statuses', () => {
    const child = childWith('C1', { Episodes: [episode({ LS: 'V4', DEC: '01/09/2025', REC: 'E13' })] });
    expect(flagged(rule365, child)).toEqual([]);
  });
});
