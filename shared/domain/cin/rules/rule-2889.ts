// Domain: CIN rule 2889 (Section47, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule2889 = cinRule(
  '2889',
  'Section47',
  'The section 47 enquiry starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const item of episode.section47) {
        const start = day(item.start);
        if (referral !== null && start !== null && start < referral)
          emit(item, 'S47ActualStartDate', item.start);
      }
    }
  },
);
