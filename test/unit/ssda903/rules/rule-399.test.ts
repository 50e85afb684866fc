import { describe, expect, it } from 'vitest';
import { rule399 } from '../../../../shared/domain/ssda903/rules/rule-399.ts';
import { childWith, episode, flagged, header } from './helpers.ts';

const child = (statuses: string[], mother: string) =>
  childWith('C1', {
    Header: [header({ MOTHER: mother })],
    Episodes: statuses.map((LS) => episode({ LS })),
    Reviews: [{ DOB: '01/06/2012', REVIEW: '01/07/2025', REVIEW_CODE: 'PN1' }],
  });

describe('rule 399: no motherhood or review details for a child only on short breaks', () => {
  it('flags each completed field when every episode is a short break', () => {
    expect(flagged(rule399, child(['V3', 'V4'], '0'))).toEqual(['Header:2:MOTHER', 'Reviews:2:REVIEW']);
    expect(flagged(rule399, child(['V4'], ''))).toEqual(['Reviews:2:REVIEW']);
  });

  it('accepts the details when any episode is not a short break', () => {
    expect(flagged(rule399, child(['V3', 'C2'], '0'))).toEqual([]);
  });
});
