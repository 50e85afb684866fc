// Domain: CIN rule 8820 (CINdetails, error); catalogue entry last defined in 2022/23.

import type { Day } from '../../dates.ts';
import type { CinEpisode } from '../model.ts';
import { cinRule, day, isYes } from './helpers.ts';

export const rule8820 = cinRule(
  '8820',
  'CINdetails',
  'The dates of two episodes overlap: a referral is dated before the previous episode closed.',
  (child, _context, emit) => {
    const episodes = child.episodes
      .map((episode) => ({ episode, start: day(episode.referralDate), end: day(episode.closureDate) }))
      .filter((item): item is { episode: CinEpisode; start: Day; end: Day | null } => item.start !== null)
      .sort((a, b) => a.start - b.start);
    for (let index = 1; index < episodes.length; index++) {
      const previous = episodes[index - 1]!;
      const current = episodes[index]!;
      if (isYes(previous.episode.referralNfa) || isYes(current.episode.referralNfa)) continue;
      if (previous.end === null || current.start < previous.end)
        emit(current.episode, 'CINreferralDate', current.episode.referralDate);
    }
  },
);
