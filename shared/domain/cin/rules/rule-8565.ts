// Domain: CIN rule 8565 (ChildProtectionPlans, error); catalogue entry last defined in 2022/23.
import { cinRule, day } from './helpers.ts';

export const rule8565 = cinRule(
  '8565',
  'ChildProtectionPlans',
  'Activity (an assessment, CIN plan, section 47 enquiry or plan) starts after the episode closed.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const closure = day(episode.closureDate);
      if (closure === null) continue;
      const after = (text: string) => {
        const value = day(text);
        return value !== null && value > closure;
      };
      for (const item of episode.assessments)
        if (after(item.start)) emit(item, 'AssessmentActualStartDate', item.start);
      for (const item of episode.cinPlans) if (after(item.start)) emit(item, 'CINPlanStartDate', item.start);
      for (const item of episode.section47)
        if (after(item.start)) emit(item, 'S47ActualStartDate', item.start);
      for (const item of episode.protectionPlans)
        if (after(item.start)) emit(item, 'CPPstartDate', item.start);
    }
  },
);
