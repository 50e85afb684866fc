// Domain: CIN rule 8831 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, hasActivity, isYes } from './helpers.ts';

export const rule8831 = cinRule(
  '8831',
  'CINdetails',
  'Activity (an assessment, CIN plan, section 47 enquiry, conference or plan) is recorded on a referral with no further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isYes(episode.referralNfa) && hasActivity(episode))
        emit(episode, 'ReferralNFA', episode.referralNfa);
  },
);
