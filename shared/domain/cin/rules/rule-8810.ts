// Domain: CIN rule 8810 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8810 = cinRule(
  '8810',
  'CINdetails',
  'The episode has a reason for closure but no closure date.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.closureReason !== '' && episode.closureDate === '') emit(episode, 'CINclosureDate', '');
  },
);
