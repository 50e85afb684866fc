import { describe, expect, it } from 'vitest';
import { rule190 } from '../../../../shared/domain/ssda903/rules/rule-190.ts';
import { childWith, episode, flagged } from './helpers.ts';

describe('rule 190: 12-month items only for a child looked after for 12 months', () => {
  it('flags items for a child who started care during the year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '02/04/2025' })],
      OC2: [{ HEALTH_CHECK: '1' }],
    });
    expect(flagged(rule190, child)).toEqual(['OC2:2:CONVICTED']);
  });

  it('flags items for a child whose year included a short break', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/01/2024', DEC: '01/05/2025', REC: 'X1' }),
        episode({ DECOM: '01/05/2025', LS: 'V3' }),
      ],
      OC2: [{ HEALTH_CHECK: '1' }],
    });
    expect(flagged(rule190, child)).toEqual(['OC2:2:CONVICTED']);
  });

  it('accepts items for a child in care from 1 April, through a change of placement', () => {
    const child = childWith('C1', {
      Episodes: [
        episode({ DECOM: '01/04/2025', DEC: '01/09/2025', REC: 'X1' }),
        episode({ DECOM: '01/09/2025', RNE: 'P' }),
      ],
      OC2: [{ HEALTH_CHECK: '1' }],
    });
    expect(flagged(rule190, child)).toEqual([]);
  });
});
