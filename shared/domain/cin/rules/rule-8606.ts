// Domain: CIN rule 8606 (CINdetails, error); catalogue entry last defined in 2022/23.
import { cinRule, day, FORTY_WEEKS } from './helpers.ts';

export const rule8606 = cinRule(
  '8606',
  'CINdetails',
  'The referral date is more than 40 weeks before the date of birth (or expected date of birth).',
  (child, _context, emit) => {
    const birth = day(child.birthDate) ?? day(child.expectedBirthDate);
    if (birth === null) return;
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral !== null && referral < birth - FORTY_WEEKS)
        emit(episode, 'CINreferralDate', episode.referralDate);
    }
  },
);
