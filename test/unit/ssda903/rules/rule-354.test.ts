import { describe, expect, it } from 'vitest';
import { rule354 } from '../../../../shared/domain/ssda903/rules/rule-354.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 354: episode starting after the year', () => {
  it('accepts a start on 31 March 2026', () => {
    expect(flagged(rule354, childWith('C1', { Episodes: [episode({ DECOM: '31/03/2026' })] }))).toEqual([]);
  });

  it('flags a start on 1 April 2026', () => {
    expect(flagged(rule354, childWith('C1', { Episodes: [episode({ DECOM: '01/04/2026' })] }))).toEqual([
      'Episodes:2:DECOM',
    ]);
  });
});
