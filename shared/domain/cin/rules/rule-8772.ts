// Domain: CIN rule 8772 (ChildIdentifiers, error); catalogue entry last defined in 2022/23.
import { cinRule, isNo } from './helpers.ts';

export const rule8772 = cinRule(
  '8772',
  'ChildIdentifiers',
  'UPN unknown reason UN7 (referral with no further action) is given, but a referral went on to further action.',
  (child, _context, emit) => {
    if (child.upnUnknown === 'UN7' && child.episodes.some((episode) => isNo(episode.referralNfa)))
      emit(child, 'UPNunknown', child.upnUnknown);
  },
);
