// Domain: CIN rule 8640 (CINdetails, error); catalogue entry last defined in 2022/23.
import { CLOSURE_REASON, cinRule } from './helpers.ts';

export const rule8640 = cinRule(
  '8640',
  'CINdetails',
  'The reason for closure is not a code in the list (RC1 to RC9).',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.closureReason !== '' && !CLOSURE_REASON.has(episode.closureReason))
        emit(episode, 'ReasonForClosure', episode.closureReason);
  },
);
