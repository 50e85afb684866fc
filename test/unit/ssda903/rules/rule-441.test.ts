import { describe, expect, it } from 'vitest';
import { rule441 } from '../../../../shared/domain/ssda903/rules/rule-441.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 441: PN1–PN7 for a child under 4', () => {
  it('accepts PN3 on the 4th birthday', () => {
    expect(
      flagged(
        rule441,
        childWith('C1', { Reviews: [{ DOB: '01/06/2021', REVIEW: '01/06/2025', REVIEW_CODE: 'PN3' }] }),
      ),
    ).toEqual([]);
  });

  it('flags PN1 the day before the 4th birthday', () => {
    expect(
      flagged(
        rule441,
        childWith('C1', { Reviews: [{ DOB: '02/06/2021', REVIEW: '01/06/2025', REVIEW_CODE: 'PN1' }] }),
      ),
    ).toEqual(['Reviews:2:REVIEW_CODE']);
  });
});
