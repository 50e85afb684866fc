import { describe, expect, it } from 'vitest';
import { rule624 } from '../../../../shared/domain/ssda903/rules/rule-624.ts';
import { childWith, flagged, header } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

const mcDob = (now: string, last: string) =>
  flagged(
    rule624,
    childWith('C1', { Header: [header({ MOTHER: '1', MC_DOB: now })] }),
    withLastYear([childWith('C1', { Header: [header({ MOTHER: '1', MC_DOB: last })] })]),
  );

describe('rule 624: date of birth of the first child is the same as last year', () => {
  it('flags a different or a dropped date', () => {
    expect(mcDob('10/09/2024', '08/09/2024')).toEqual(['Header:2:MC_DOB']);
    expect(mcDob('', '08/09/2024')).toEqual(['Header:2:MC_DOB']);
  });

  it('accepts the same date, and a date given for the first time', () => {
    expect(mcDob('08/09/2024', '08/09/2024')).toEqual([]);
    expect(mcDob('08/09/2025', '')).toEqual([]);
  });
});
