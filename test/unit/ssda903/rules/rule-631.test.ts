import { describe, expect, it } from 'vitest';
import { rule631 } from '../../../../shared/domain/ssda903/rules/rule-631.ts';
import { childWith, flagged } from './helpers.ts';

describe('rule 631: previous permanence option code', () => {
  it('accepts Z1', () => {
    expect(flagged(rule631, childWith('C1', { PrevPerm: [{ PREV_PERM: 'Z1' }] }))).toEqual([]);
  });

  it('flags P5 and a blank', () => {
    expect(flagged(rule631, childWith('C1', { PrevPerm: [{ PREV_PERM: 'P5' }, { PREV_PERM: '' }] }))).toEqual(
      ['PrevPerm:2:PREV_PERM', 'PrevPerm:3:PREV_PERM'],
    );
  });
});
