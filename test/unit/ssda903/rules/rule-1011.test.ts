import { describe, expect, it } from 'vitest';
import { rule1011 } from '../../../../shared/domain/ssda903/rules/rule-1011.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 1011: no care leaver information when care passed to another council', () => {
  it('flags OC3 when the last episode ended E3', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2026', REC: 'E3' })],
      OC3: [{ IN_TOUCH: 'YES' }],
    });
    expect(flagged(rule1011, child)).toEqual(['OC3:2:IN_TOUCH']);
  });

  it('accepts OC3 after another reason for leaving care', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2026', REC: 'E5' })],
      OC3: [{ IN_TOUCH: 'YES' }],
    });
    expect(flagged(rule1011, child)).toEqual([]);
  });
});
