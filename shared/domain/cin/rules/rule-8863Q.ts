// Domain: CIN rule 8863Q (Assessments, query); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8863Q = cinRule(
  '8863Q',
  'Assessments',
  'An assessment starts while another assessment on the episode is still going on.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const items = episode.assessments
        .map((item) => ({ item, start: day(item.start), end: day(item.authorised) }))
        .filter((entry) => entry.start !== null);
      for (const later of items)
        for (const earlier of items) {
          if (earlier === later || earlier.start! >= later.start!) continue;
          if (earlier.end === null || earlier.end > later.start!) {
            emit(later.item, 'AssessmentActualStartDate', later.item.start);
            break;
          }
        }
    }
  },
);
