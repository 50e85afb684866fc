// Domain: CIN rule 8816 (CINdetails, error); catalogue entry last defined in 2022/23.

import type { Day } from '../../dates.ts';
import { cinRule, day, openEpisode } from './helpers.ts';

export const rule8816 = cinRule(
  '8816',
  'CINdetails',
  'An open episode (not a referral with no further action) is not the latest episode.',
  (child, _context, emit) => {
    const referrals = child.episodes.map((episode) => day(episode.referralDate));
    if (referrals.some((value) => value === null)) return;
    const latest = Math.max(...(referrals as Day[]));
    child.episodes.forEach((episode, index) => {
      if (openEpisode(episode) && referrals[index]! < latest) emit(episode, 'CINclosureDate', '');
    });
  },
);
