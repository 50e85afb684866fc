// Domain: CIN rule 8868 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, isYes } from './helpers.ts';

export const rule8868 = cinRule(
  '8868',
  'CINdetails',
  'The episode is closed, but a section 47 enquiry on it has neither a conference date nor "conference not required".',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      if (episode.closureDate === '') continue;
      for (const item of episode.section47)
        if (item.icpcDate === '' && !isYes(item.icpcNotRequired)) emit(item, 'DateOfInitialCPC', '');
    }
  },
);
