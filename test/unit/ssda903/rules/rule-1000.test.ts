import { describe, expect, it } from 'vitest';
import { rule1000 } from '../../../../shared/domain/ssda903/rules/rule-1000.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 1000: no care leaver information for a child who died in care', () => {
  it('accepts care leaver information for a child who left care another way', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'E13' })],
      OC3: [{ IN_TOUCH: 'YES', ACTIV: 'F1', ACCOM: 'B1' }],
    });
    expect(flagged(rule1000, child)).toEqual([]);
  });

  it('flags care leaver information after an E2 episode', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DEC: '01/06/2025', REC: 'E2' })],
      OC3: [{ IN_TOUCH: 'DIED', ACTIV: '0', ACCOM: '0' }],
    });
    expect(flagged(rule1000, child)).toEqual(['OC3:2:IN_TOUCH']);
  });
});
