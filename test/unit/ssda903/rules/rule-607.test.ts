import { describe, expect, it } from 'vitest';
import { rule607, rule607Until2024 } from '../../../../shared/domain/ssda903/rules/rule-607.ts';
import { childWith, contextFor, episode, flagged, header } from './helpers.ts';

describe('rule 607: a girl leaving care this year has her mother status recorded', () => {
  it('flags a blank MOTHER, reading 2 as female until 2023/24 and F from 2024/25', () => {
    const left2026 = childWith('C1', {
      Header: [header({ SEX: 'F', MOTHER: '' })],
      Episodes: [episode({ DEC: '01/12/2025', REC: 'E8' })],
    });
    expect(flagged(rule607, left2026)).toEqual(['Header:2:MOTHER']);
    const left2024 = childWith('C1', {
      Header: [header({ SEX: '2', MOTHER: '' })],
      Episodes: [episode({ DECOM: '01/05/2023', DEC: '01/12/2023', REC: 'E8' })],
    });
    expect(flagged(rule607Until2024, left2024, contextFor(2024))).toEqual(['Header:2:MOTHER']);
    // Each version reads its own year's code for female.
    expect(flagged(rule607, left2024, contextFor(2024))).toEqual([]);
    expect(flagged(rule607Until2024, left2026)).toEqual([]);
  });

  it('accepts a recorded status, a boy, a short break and care that continues', () => {
    const ended = episode({ DEC: '01/12/2025', REC: 'E8' });
    expect(
      flagged(rule607, childWith('C1', { Header: [header({ SEX: 'F', MOTHER: '0' })], Episodes: [ended] })),
    ).toEqual([]);
    expect(
      flagged(rule607, childWith('C1', { Header: [header({ SEX: 'M', MOTHER: '' })], Episodes: [ended] })),
    ).toEqual([]);
    const shortBreak = episode({ LS: 'V3', DEC: '01/12/2025', REC: 'E8' });
    expect(
      flagged(
        rule607,
        childWith('C1', { Header: [header({ SEX: 'F', MOTHER: '' })], Episodes: [shortBreak] }),
      ),
    ).toEqual([]);
    const moved = episode({ DEC: '01/12/2025', REC: 'X1' });
    expect(
      flagged(rule607, childWith('C1', { Header: [header({ SEX: 'F', MOTHER: '' })], Episodes: [moved] })),
    ).toEqual([]);
  });
});
