import { describe, expect, it } from 'vitest';
import { rule165 } from '../../../../shared/domain/ssda903/rules/rule-165.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

describe('rule 165: mother status', () => {
  it('accepts 0 or 1 for a girl, and blank for a boy', () => {
    expect(
      flagged(
        rule165,
        childWith('G', { Header: [header({ SEX: 'F', MOTHER: '0' })], Episodes: [episode()] }),
      ),
    ).toEqual([]);
    expect(
      flagged(rule165, childWith('B', { Header: [header({ SEX: '1', MOTHER: '' })], Episodes: [episode()] })),
    ).toEqual([]);
  });

  it('flags an invalid value such as 1.0', () => {
    expect(flagged(rule165, childWith('G', { Header: [header({ SEX: '2', MOTHER: '1.0' })] }))).toEqual([
      'Header:2:MOTHER',
    ]);
  });

  it('flags a mother status given for a boy', () => {
    expect(flagged(rule165, childWith('B', { Header: [header({ SEX: 'M', MOTHER: '0' })] }))).toEqual([
      'Header:2:MOTHER',
    ]);
  });

  it('flags a blank status for a girl looked after in the year, but not one only on short breaks', () => {
    const lookedAfter = childWith('G', { Header: [header({ SEX: 'F', MOTHER: '' })], Episodes: [episode()] });
    expect(flagged(rule165, lookedAfter)).toEqual(['Header:2:MOTHER']);
    const shortBreaks = childWith('G', {
      Header: [header({ SEX: 'F', MOTHER: '' })],
      Episodes: [episode({ LS: 'V3' })],
    });
    expect(flagged(rule165, shortBreaks)).toEqual([]);
    const leftBeforeYear = childWith('G', {
      Header: [header({ SEX: 'F', MOTHER: '' })],
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2025', REC: 'E13' })],
    });
    expect(flagged(rule165, leftBeforeYear)).toEqual([]);
  });
});
