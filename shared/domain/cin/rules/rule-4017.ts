// Domain: CIN rule 4017 (CINplanDates, error); catalogue entry last defined in 2022/23.
// The other half of 4016: a CIN plan that started before a child protection plan must end by the day the
// protection plan starts. A CIN plan with no end date is open to the end of the census year. Like 4016 it
// looks across all of a child's episodes, where 4001 compares plans within one episode.
import { cinRule, day, plansOf } from './helpers.ts';

export const rule4017 = cinRule(
  '4017',
  'CINplanDates',
  'A CIN plan that started before a child protection plan is still open after the protection plan starts.',
  (child, context, emit) => {
    const protectionStarts = plansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null ? [] : [start];
    });
    for (const episode of child.episodes)
      for (const plan of episode.cinPlans) {
        const start = day(plan.start);
        if (start === null) continue;
        const end = day(plan.end) ?? context.periodEnd;
        if (protectionStarts.some((cppStart) => start < cppStart && end > cppStart))
          emit(plan, plan.end === '' ? 'CINPlanStartDate' : 'CINPlanEndDate', plan.end || plan.start);
      }
  },
);
