// Domain: CIN rule 8555Q (CINdetails, query); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8555Q = cinRule(
  '8555Q',
  'CINdetails',
  'A referral is dated after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral !== null && referral > death) emit(episode, 'CINreferralDate', episode.referralDate);
    }
  },
);
