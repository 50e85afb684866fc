import { describe, expect, it } from 'vitest';
import { rule355 } from '../../../../shared/domain/ssda903/rules/rule-355.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 355: episode lasting less than a day', () => {
  it('accepts an episode ending the next day', () => {
    expect(
      flagged(rule355, childWith('C1', { Episodes: [episode({ DECOM: '01/05/2025', DEC: '02/05/2025' })] })),
    ).toEqual([]);
  });

  it('flags an episode ending the day it began', () => {
    expect(
      flagged(rule355, childWith('C1', { Episodes: [episode({ DECOM: '01/05/2025', DEC: '01/05/2025' })] })),
    ).toEqual(['Episodes:2:DEC']);
  });
});
