import { describe, expect, it } from 'vitest';
import { rule502 } from '../../../../shared/domain/ssda903/rules/rule-502.ts';
import { childWith, episode, flagged } from './helpers.ts';
import { withLastYear } from './last-year-helpers.ts';

describe('rule 502: the episode open at the end of last year starts this year’s record', () => {
  const last = childWith('C1', {
    Episodes: [
      episode({ DECOM: '01/05/2023', DEC: '10/06/2024', REC: 'X1' }),
      episode({ DECOM: '10/06/2024' }),
    ],
  });

  it('flags a first episode that starts on another day', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '11/06/2024' })] });
    expect(flagged(rule502, child, withLastYear([last]))).toEqual(['Episodes:2:DECOM']);
  });

  it('accepts the same start date, and a last year that ended with care closed', () => {
    const child = childWith('C1', { Episodes: [episode({ DECOM: '10/06/2024' })] });
    expect(flagged(rule502, child, withLastYear([last]))).toEqual([]);
    const closed = childWith('C1', {
      Episodes: [episode({ DECOM: '01/05/2023', DEC: '10/06/2024', REC: 'E11' })],
    });
    const returned = childWith('C1', { Episodes: [episode({ DECOM: '01/09/2025' })] });
    expect(flagged(rule502, returned, withLastYear([closed]))).toEqual([]);
  });
});
