import { describe, expect, it } from 'vitest';
import { rule171 } from '../../../../shared/domain/ssda903/rules/rule-171.ts';
import { childWith, flagged, header } from './helpers.ts';

describe("rule 171: mother's child's date of birth is a real date", () => {
  it('accepts a real date or a blank', () => {
    const child = childWith('C1', { Header: [header({ MC_DOB: '27/08/2016' }), header({ MC_DOB: '' })] });
    expect(flagged(rule171, child)).toEqual([]);
  });

  it('flags an impossible date', () => {
    expect(flagged(rule171, childWith('C1', { Header: [header({ MC_DOB: '31/09/2016' })] }))).toEqual([
      'Header:2:MC_DOB',
    ]);
  });
});
