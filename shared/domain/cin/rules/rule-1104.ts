// Domain: CIN rule 1104 (Section47, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule1104 = cinRule(
  '1104',
  'Section47',
  'The initial child protection conference is dated before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral === null) continue;
      const icpc = day(episode.icpcDate);
      if (icpc !== null && icpc < referral) emit(episode, 'DateOfInitialCPC', episode.icpcDate);
      for (const item of episode.section47) {
        const date = day(item.icpcDate);
        if (date !== null && date < referral) emit(item, 'DateOfInitialCPC', item.icpcDate);
      }
    }
  },
);
