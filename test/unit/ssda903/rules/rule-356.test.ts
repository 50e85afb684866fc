import { describe, expect, it } from 'vitest';
import { rule356 } from '../../../../shared/domain/ssda903/rules/rule-356.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 356: episode ceasing before it began', () => {
  it('accepts an end after the start', () => {
    expect(
      flagged(rule356, childWith('C1', { Episodes: [episode({ DECOM: '01/05/2025', DEC: '02/05/2025' })] })),
    ).toEqual([]);
  });

  it('flags an end before the start', () => {
    expect(
      flagged(rule356, childWith('C1', { Episodes: [episode({ DECOM: '01/05/2025', DEC: '30/04/2025' })] })),
    ).toEqual(['Episodes:2:DEC']);
  });
});
