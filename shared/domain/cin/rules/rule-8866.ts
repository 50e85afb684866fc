// Domain: CIN rule 8866 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, REFERRAL_SOURCE } from './helpers.ts';

export const rule8866 = cinRule(
  '8866',
  'CINdetails',
  'The source of referral is missing or not a code in the list.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (!REFERRAL_SOURCE.has(episode.referralSource))
        emit(episode, 'ReferralSource', episode.referralSource);
  },
);
