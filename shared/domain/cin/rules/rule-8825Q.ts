// Domain: CIN rule 8825Q (CINdetails, query); catalogue entry last defined in 2022/23.
import { CLOSED_AFTER_ASSESSMENT, cinRule } from './helpers.ts';

export const rule8825Q = cinRule(
  '8825Q',
  'CINdetails',
  'Closure reason RC8 or RC9 (closed after assessment) is given, but the episode has no assessment.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (CLOSED_AFTER_ASSESSMENT.has(episode.closureReason) && episode.assessments.length === 0)
        emit(episode, 'ReasonForClosure', episode.closureReason);
  },
);
