// Domain: CIN rule 8869 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8869 = cinRule(
  '8869',
  'Assessments',
  'Assessment factor 21 (no factors identified) is used together with other factors.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const factors = item.factors ?? [];
        if (factors.includes('21') && factors.length > 1) emit(item, 'AssessmentFactors', factors.join(' '));
      }
  },
);
