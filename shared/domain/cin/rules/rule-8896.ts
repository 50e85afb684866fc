// Domain: CIN rule 8896 (Assessments, error); catalogue entry last defined in 2022/23.
import { cinRule } from './helpers.ts';

export const rule8896 = cinRule(
  '8896',
  'Assessments',
  'An episode has two or more assessments that are not completed.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const open = episode.assessments.filter((item) => item.authorised === '');
      for (const item of open.slice(1)) emit(item, 'AssessmentAuthorisationDate', '');
    }
  },
);
