import { describe, expect, it } from 'vitest';
import { rule174, rule174Until2024 } from '../../../../shared/domain/ssda903/rules/rule-174.ts';
import { childWith, contextFor, flagged, header } from './helpers.ts';

describe("rule 174: a boy with a mother's child date of birth", () => {
  it('until 2023/24 flags sex 1 with MC_DOB, not sex 2', () => {
    const child = childWith('C1', {
      Header: [
        header({ SEX: '1', MC_DOB: '01/01/2020' }),
        header({ SEX: '2', MC_DOB: '01/01/2020' }),
        header({ SEX: '1' }),
      ],
    });
    expect(flagged(rule174Until2024, child, contextFor(2024))).toEqual(['Header:2:MC_DOB']);
  });

  it('from 2024/25 flags sex M with MC_DOB', () => {
    const child = childWith('C1', {
      Header: [header({ SEX: 'M', MC_DOB: '01/01/2020' }), header({ SEX: '1', MC_DOB: '01/01/2020' })],
    });
    expect(flagged(rule174, child)).toEqual(['Header:2:MC_DOB']);
  });

  it("accepts a girl with her child's date of birth and a boy without one", () => {
    const child = childWith('C1', {
      Header: [header({ SEX: 'F', MC_DOB: '01/01/2020' }), header({ SEX: 'M', MC_DOB: '' })],
    });
    expect(flagged(rule174, child)).toEqual([]);
  });
});
