// Domain: CIN rule 2883 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day, inPeriod } from './helpers.ts';

export const rule2883 = cinRule(
  '2883',
  'ChildProtectionPlans',
  'More child protection plans start in the year on this episode than initial conferences took place.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const conferences = new Set(
        [episode.icpcDate, ...episode.section47.map((item) => item.icpcDate)].filter((text) => {
          const date = day(text);
          return date !== null && inPeriod(date, context);
        }),
      );
      const starting = episode.protectionPlans.filter((plan) => {
        const start = day(plan.start);
        return start !== null && inPeriod(start, context);
      });
      if (starting.length > conferences.size) emit(episode, 'CPPstartDate', starting.at(-1)!.start);
    }
  },
);
