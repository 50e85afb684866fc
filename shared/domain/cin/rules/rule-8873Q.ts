// Domain: CIN rule 8873Q (Assessments, query); catalogue entry last defined in 2022/23.
// Checked on closed episodes only: an open episode has no reason for closure yet.
import { CLOSED_AFTER_ASSESSMENT, cinRule } from './helpers.ts';

export const rule8873Q = cinRule(
  '8873Q',
  'Assessments',
  'The only assessment on a closed episode found no factors (21), but the closure reason is not RC8 or RC9 (closed after assessment).',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const only = episode.assessments.length === 1 ? episode.assessments[0]! : null;
      if (only === null || only.authorised === '' || !(only.factors ?? []).includes('21')) continue;
      if (episode.closureReason !== '' && !CLOSED_AFTER_ASSESSMENT.has(episode.closureReason))
        emit(episode, 'ReasonForClosure', episode.closureReason);
    }
  },
);
