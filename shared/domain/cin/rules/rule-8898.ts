// Domain: CIN rule 8898 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8898 = cinRule(
  '8898',
  'Assessments',
  'An assessment gives the same factor code twice.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const seen = new Set<string>();
        for (const code of item.factors ?? []) {
          if (seen.has(code)) emit(item, 'AssessmentFactors', code);
          seen.add(code);
        }
      }
  },
);
