// Domain: CIN rule 8610 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, isNo } from './helpers.ts';

export const rule8610 = cinRule(
  '8610',
  'CINdetails',
  'The primary need code is missing for a referral that led to further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isNo(episode.referralNfa) && episode.primaryNeed === '') emit(episode, 'PrimaryNeedCode', '');
  },
);
