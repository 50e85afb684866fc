import { describe, expect, it } from 'vitest';
import { rule621 } from '../../../../shared/domain/ssda903/rules/rule-621.ts';
import { childWith, flagged, header } from './helpers.ts';

describe('rule 621: mother younger than her child', () => {
  it("accepts a child's date of birth after the mother's", () => {
    expect(
      flagged(rule621, childWith('C1', { Header: [header({ DOB: '01/06/2008', MC_DOB: '01/06/2025' })] })),
    ).toEqual([]);
  });

  it("flags a child's date of birth on or before the mother's", () => {
    const child = childWith('C1', {
      Header: [
        header({ DOB: '01/06/2008', MC_DOB: '01/06/2008' }),
        header({ DOB: '01/06/2008', MC_DOB: '01/06/2000' }),
      ],
    });
    expect(flagged(rule621, child)).toEqual(['Header:2:MC_DOB', 'Header:3:MC_DOB']);
  });
});
