// Domain: CIN rule 8867 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8867 = cinRule(
  '8867',
  'CINdetails',
  'The episode is closed, but an assessment on it has not been completed.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      if (episode.closureDate === '') continue;
      for (const item of episode.assessments)
        if (item.authorised === '') emit(item, 'AssessmentAuthorisationDate', '');
    }
  },
);
