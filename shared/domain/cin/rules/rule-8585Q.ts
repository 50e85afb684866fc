// Domain: CIN rule 8585Q (CINdetails, query); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8585Q = cinRule(
  '8585Q',
  'CINdetails',
  'An episode closed with reason RC2 (the child died), but the child has no date of death.',
  (child, _context, emit) => {
    if (child.deathDate !== '') return;
    for (const episode of child.episodes)
      if (episode.closureReason === 'RC2') emit(episode, 'ReasonForClosure', episode.closureReason);
  },
);
