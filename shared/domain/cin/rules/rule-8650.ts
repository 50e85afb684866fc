// Domain: CIN rule 8650 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, PRIMARY_NEED } from './helpers.ts';

export const rule8650 = cinRule(
  '8650',
  'CINdetails',
  'The primary need code is not a code in the list (N0 to N9).',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.primaryNeed !== '' && !PRIMARY_NEED.has(episode.primaryNeed))
        emit(episode, 'PrimaryNeedCode', episode.primaryNeed);
  },
);
