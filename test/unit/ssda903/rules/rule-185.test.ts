import { describe, expect, it } from 'vitest';
import { rule185 } from '../../../../shared/domain/ssda903/rules/rule-185.ts';
import { childWith, contextFor, episode, flagged } from './helpers.ts';

describe('rule 185: an SDQ score only for a child looked after for 12 months', () => {
  it('flags a score for a child who came into care during the year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/06/2025' })],
      OC2: [{ SDQ_SCORE: '10' }],
    });
    expect(flagged(rule185, child)).toEqual(['OC2:2:SDQ_SCORE']);
  });

  it('flags a score for a child who left care during the year', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024', DEC: '01/02/2026', REC: 'E13' })],
      OC2: [{ SDQ_SCORE: '10' }],
    });
    expect(flagged(rule185, child)).toEqual(['OC2:2:SDQ_SCORE']);
  });

  it('accepts a score for a child looked after all year, and says nothing without the episodes', () => {
    const child = childWith('C1', {
      Episodes: [episode({ DECOM: '01/01/2024' })],
      OC2: [{ SDQ_SCORE: '10' }],
    });
    expect(flagged(rule185, child)).toEqual([]);
    const noEpisodes = childWith('C1', { OC2: [{ SDQ_SCORE: '10' }] });
    expect(flagged(rule185, noEpisodes, contextFor(2026, ['OC2']))).toEqual([]);
  });
});
