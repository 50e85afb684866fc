import { describe, expect, it } from 'vitest';
import { rule385 } from '../../../../shared/domain/ssda903/rules/rule-385.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 385: episode ceasing after the year', () => {
  it('accepts an end on 31 March 2026', () => {
    expect(
      flagged(rule385, childWith('C1', { Episodes: [episode({ DEC: '31/03/2026', REC: 'E13' })] })),
    ).toEqual([]);
  });

  it('flags an end on 1 April 2026', () => {
    expect(
      flagged(rule385, childWith('C1', { Episodes: [episode({ DEC: '01/04/2026', REC: 'E13' })] })),
    ).toEqual(['Episodes:2:DEC']);
  });
});
