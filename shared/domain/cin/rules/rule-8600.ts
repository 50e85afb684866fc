// Domain: CIN rule 8600 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8600 = cinRule(
  '8600',
  'CINdetails',
  'The referral date is missing or after the end of the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral === null || referral > context.periodEnd)
        emit(episode, 'CINreferralDate', episode.referralDate);
    }
  },
);
