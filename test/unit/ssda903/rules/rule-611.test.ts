import { describe, expect, it } from 'vitest';
import { rule611 } from '../../../../shared/domain/ssda903/rules/rule-611.ts';
import { childWith, flagged, header } from './helpers.ts';

describe("rule 611: a mother needs her child's date of birth", () => {
  it("accepts a mother with her child's date of birth, and a non-mother without", () => {
    const child = childWith('C1', {
      Header: [header({ MOTHER: '1', MC_DOB: '01/01/2025' }), header({ MOTHER: '0' })],
    });
    expect(flagged(rule611, child)).toEqual([]);
  });

  it('flags MOTHER 1 with a blank MC_DOB', () => {
    expect(flagged(rule611, childWith('C1', { Header: [header({ MOTHER: '1', MC_DOB: '' })] }))).toEqual([
      'Header:2:MC_DOB',
    ]);
  });
});
