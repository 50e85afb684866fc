// Domain: CIN rule 8815 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, openEpisode } from './helpers.ts';

export const rule8815 = cinRule(
  '8815',
  'CINdetails',
  'More than one episode is open (no closure date) and is not a referral with no further action.',
  (child, _context, emit) => {
    const open = child.episodes.filter(openEpisode);
    for (const episode of open.slice(1)) emit(episode, 'CINclosureDate', '');
  },
);
