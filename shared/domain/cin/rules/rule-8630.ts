// Domain: CIN rule 8630 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8630 = cinRule(
  '8630',
  'CINdetails',
  'The CIN closure date is before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const closure = day(episode.closureDate);
      const referral = day(episode.referralDate);
      if (closure !== null && referral !== null && closure < referral)
        emit(episode, 'CINclosureDate', episode.closureDate);
    }
  },
);
