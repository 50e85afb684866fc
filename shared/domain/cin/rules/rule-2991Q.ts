// Domain: CIN rule 2991Q (CINdetails, query); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule2991Q = cinRule(
  '2991Q',
  'CINdetails',
  'A section 47 enquiry is recorded but the episode has no assessment.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.section47.length > 0 && episode.assessments.length === 0) emit(episode, 'Assessments', '');
  },
);
