import { describe, expect, it } from 'vitest';
import { rule440 } from '../../../../shared/domain/ssda903/rules/rule-440.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 440: PN0 for a child of 4 or over', () => {
  it('accepts PN0 the day before the 4th birthday', () => {
    expect(
      flagged(
        rule440,
        childWith('C1', { Reviews: [{ DOB: '02/06/2021', REVIEW: '01/06/2025', REVIEW_CODE: 'PN0' }] }),
      ),
    ).toEqual([]);
  });

  it('flags PN0 on the 4th birthday', () => {
    expect(
      flagged(
        rule440,
        childWith('C1', { Reviews: [{ DOB: '01/06/2021', REVIEW: '01/06/2025', REVIEW_CODE: 'PN0' }] }),
      ),
    ).toEqual(['Reviews:2:REVIEW_CODE']);
  });
});
