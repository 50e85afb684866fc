// Domain: CIN rule 2990 (CINdetails, error); catalogue entry last defined in 2022/23.
import { CLOSED_AFTER_ASSESSMENT, cinRule } from './helpers.ts';

export const rule2990 = cinRule(
  '2990',
  'CINdetails',
  'Activity (a CIN plan, section 47 enquiry, conference or plan) is recorded on an episode closed after assessment (RC8 or RC9).',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      if (!CLOSED_AFTER_ASSESSMENT.has(episode.closureReason)) continue;
      if (
        episode.cinPlans.length > 0 ||
        episode.section47.length > 0 ||
        episode.protectionPlans.length > 0 ||
        episode.icpcDate !== ''
      )
        emit(episode, 'ReasonForClosure', episode.closureReason);
    }
  },
);
