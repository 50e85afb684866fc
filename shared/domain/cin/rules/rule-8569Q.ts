// Domain: CIN rule 8569Q (CINdetails, query); catalogue entry last defined in 2022/23.
// A referral with no further action is closed at once, so one referred well before the census year began
// belongs to an earlier census. The last working day before 1 April is allowed, for referrals made on it and
// decided in the new year.
import { isWorkingDay } from '../working-days.ts';
import { cinRule, day, isYes } from './helpers.ts';

export const rule8569Q = cinRule(
  '8569Q',
  'CINdetails',
  'A referral with no further action is dated before the last working day before the census year began.',
  (child, context, emit) => {
    let lastWorkingDay = context.periodStart - 1;
    while (!isWorkingDay(lastWorkingDay)) lastWorkingDay--;
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (isYes(episode.referralNfa) && referral !== null && referral < lastWorkingDay)
        emit(episode, 'CINreferralDate', episode.referralDate);
    }
  },
);
