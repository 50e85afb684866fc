// Domain: CIN rule 8805 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8805 = cinRule(
  '8805',
  'CINdetails',
  'The episode has a closure date but no reason for closure.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.closureDate !== '' && episode.closureReason === '') emit(episode, 'ReasonForClosure', '');
  },
);
