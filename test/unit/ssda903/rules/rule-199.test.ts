import { describe, expect, it } from 'vitest';
import { rule199 } from '../../../../shared/domain/ssda903/rules/rule-199.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 199: no episode after an adoption from care', () => {
  it('flags an episode that starts after an adoption', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/01/2024', DEC: '01/05/2025', REC: 'E11' }),
        episode({ DECOM: '01/12/2025' }),
      ],
    });
    expect(flagged(rule199, child)).toEqual(['Episodes:3:CHILD']);
  });

  it('accepts an adoption that ends the last episode', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/01/2024', DEC: '01/05/2025', REC: 'X1' }),
        episode({ DECOM: '01/05/2025', DEC: '01/12/2025', REC: 'E12' }),
      ],
    });
    expect(flagged(rule199, child)).toEqual([]);
  });
});
