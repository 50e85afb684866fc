// Domain: CIN rule 8614 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8614 = cinRule(
  '8614',
  'Assessments',
  'Assessment factors are given for an assessment that has not been completed.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments)
        if (item.authorised === '' && (item.factors?.length ?? 0) > 0)
          emit(item, 'AssessmentFactors', item.factors!.join(' '));
  },
);
