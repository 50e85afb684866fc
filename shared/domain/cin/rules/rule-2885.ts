// Domain: CIN rule 2885 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule2885 = cinRule(
  '2885',
  'ChildProtectionPlans',
  'The child protection plan starts on a different day from the initial child protection conference.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const conferences = [episode.icpcDate, ...episode.section47.map((item) => item.icpcDate)].filter(
        (text) => text !== '',
      );
      if (conferences.length === 0) continue;
      for (const plan of episode.protectionPlans) {
        const start = day(plan.start);
        if (start !== null && inPeriod(start, context) && !conferences.includes(plan.start))
          emit(plan, 'CPPstartDate', plan.start);
      }
    }
  },
);
