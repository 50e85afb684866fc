import { describe, expect, it } from 'vitest';
import { rule612, rule612Until2024 } from '../../../../shared/domain/ssda903/rules/rule-612.ts';
import { childWith, contextFor, flagged, header } from './helpers.ts';

describe("rule 612: child's date of birth given but not recorded as a mother", () => {
  it('until 2023/24 flags sex 2 with MOTHER 0 or blank', () => {
    const child = childWith('C1', {
      Header: [
        header({ SEX: '2', MOTHER: '0', MC_DOB: '01/01/2023' }),
        header({ SEX: '2', MOTHER: '', MC_DOB: '01/01/2023' }),
        header({ SEX: '2', MOTHER: '1', MC_DOB: '01/01/2023' }),
      ],
    });
    expect(flagged(rule612Until2024, child, contextFor(2024))).toEqual([
      'Header:2:MOTHER',
      'Header:3:MOTHER',
    ]);
  });

  it('from 2024/25 flags sex F, not the old code 2', () => {
    const child = childWith('C1', {
      Header: [
        header({ SEX: 'F', MOTHER: '0', MC_DOB: '01/01/2023' }),
        header({ SEX: '2', MOTHER: '0', MC_DOB: '01/01/2023' }),
      ],
    });
    expect(flagged(rule612, child)).toEqual(['Header:2:MOTHER']);
  });

  it("accepts a mother with her child's date of birth, and a girl with neither", () => {
    const fine = childWith('C2', {
      Header: [header({ SEX: 'F', MOTHER: '1', MC_DOB: '01/01/2023' }), header({ SEX: 'F', MOTHER: '0' })],
    });
    expect(flagged(rule612, fine)).toEqual([]);
  });
});
