// Domain: CIN rule 2884 (Section47, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule2884 = cinRule(
  '2884',
  'Section47',
  'An initial child protection conference is recorded both on the episode and on a section 47 enquiry: record it in one place.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.icpcDate !== '' && episode.section47.some((item) => item.icpcDate !== ''))
        emit(episode, 'DateOfInitialCPC', episode.icpcDate);
  },
);
