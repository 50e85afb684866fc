// Domain: CIN rule 8897Q (Assessments, query); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8897Q = cinRule(
  '8897Q',
  'Assessments',
  'A completed assessment gives no factors identified at assessment.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments)
        if (item.authorised !== '' && (item.factors?.length ?? 0) === 0) emit(item, 'AssessmentFactors', '');
  },
);
