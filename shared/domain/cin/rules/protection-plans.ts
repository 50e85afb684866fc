// Domain: CIN rules on ChildProtectionPlans, their reviews, and CINPlanDates.
import type { Day } from '../../dates.ts';
import type { CinChild, CinPlanDates, CinProtectionPlan } from '../model.ts';
import { CATEGORY_OF_ABUSE, cinRule, day, inPeriod, isYes, overlaps } from './helpers.ts';

const CPP = 'ChildProtectionPlans';
const CIN_PLAN = 'CINplanDates';
const REVIEWS = 'Reviews';

const plansOf = (child: CinChild): CinProtectionPlan[] =>
  child.episodes.flatMap((episode) => episode.protectionPlans);
const cinPlansOf = (child: CinChild): CinPlanDates[] => child.episodes.flatMap((episode) => episode.cinPlans);

export const rule1105 = cinRule(
  '1105',
  CPP,
  'The child protection plan starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const plan of episode.protectionPlans) {
        const start = day(plan.start);
        if (referral !== null && start !== null && start < referral)
          emit(plan.line, 'CPPstartDate', plan.start);
      }
    }
  },
);

export const rule8720 = cinRule(
  '8720',
  CPP,
  'The child protection plan start date is missing or after the end of the census year.',
  (child, context, emit) => {
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      if (start === null || start > context.periodEnd) emit(plan.line, 'CPPstartDate', plan.start);
    }
  },
);

export const rule8730 = cinRule(
  '8730',
  CPP,
  'The number of previous child protection plans is missing.',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      if (plan.previousPlans === '') emit(plan.line, 'NumberOfPreviousCPP', '');
  },
);

export const rule8840 = cinRule(
  '8840',
  CPP,
  'The child protection plan starts and ends on the same day.',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      if (plan.start !== '' && plan.start === plan.end) emit(plan.line, 'CPPendDate', plan.end);
  },
);

export const rule8841 = cinRule(
  '8841',
  CPP,
  'A review is dated on or before the day the child protection plan started.',
  (child, _context, emit) => {
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      if (start === null) continue;
      for (const review of plan.reviews ?? []) {
        const date = day(review);
        if (date !== null && date <= start) emit(plan.line, 'CPPreviewDate', review);
      }
    }
  },
);

export const rule8842Q = cinRule(
  '8842Q',
  REVIEWS,
  'A review record has no date.',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      for (const review of plan.reviews ?? []) if (review === '') emit(plan.line, 'CPPreviewDate', '');
  },
);

export const rule8905 = cinRule(
  '8905',
  CPP,
  'The initial category of abuse is missing or not a code in the list (NEG, PHY, SAB, EMO, MUL).',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      if (!CATEGORY_OF_ABUSE.has(plan.initialCategory))
        emit(plan.line, 'InitialCategoryOfAbuse', plan.initialCategory);
  },
);

export const rule8910 = cinRule(
  '8910',
  CPP,
  'The latest category of abuse is missing or not a code in the list (NEG, PHY, SAB, EMO, MUL).',
  (child, _context, emit) => {
    for (const plan of plansOf(child))
      if (!CATEGORY_OF_ABUSE.has(plan.latestCategory))
        emit(plan.line, 'LatestCategoryOfAbuse', plan.latestCategory);
  },
);

export const rule8915 = cinRule(
  '8915',
  CPP,
  'The child protection plan starts after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      if (start !== null && start > death) emit(plan.line, 'CPPstartDate', plan.start);
    }
  },
);

export const rule8920 = cinRule(
  '8920',
  CPP,
  'The child protection plan ends after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of plansOf(child)) {
      const end = day(plan.end);
      if (end !== null && end > death) emit(plan.line, 'CPPendDate', plan.end);
    }
  },
);

export const rule8925 = cinRule(
  '8925',
  CPP,
  'The child protection plan ends before it starts.',
  (child, _context, emit) => {
    for (const plan of plansOf(child)) {
      const start = day(plan.start);
      const end = day(plan.end);
      if (start !== null && end !== null && end < start) emit(plan.line, 'CPPendDate', plan.end);
    }
  },
);

export const rule8930 = cinRule(
  '8930',
  CPP,
  'The child protection plan end date is not within the census year.',
  (child, context, emit) => {
    for (const plan of plansOf(child)) {
      const end = day(plan.end);
      if (end !== null && !inPeriod(end, context)) emit(plan.line, 'CPPendDate', plan.end);
    }
  },
);

export const rule8935 = cinRule(
  '8935',
  CPP,
  'The child has more than one open child protection plan (no end date).',
  (child, _context, emit) => {
    const open = plansOf(child).filter((plan) => plan.end === '');
    for (const plan of open.slice(1)) emit(plan.line, 'CPPendDate', '');
  },
);

type Range = { line: number; start: Day; end: Day | null; field: string; text: string };

function overlapping(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const found: Range[] = [];
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    if (previous.end === null || current.start < previous.end) found.push(current);
  }
  return found;
}

export const rule8940 = cinRule(
  '8940',
  CPP,
  'Two child protection plans overlap: one starts before the previous one ended.',
  (child, _context, emit) => {
    const ranges = plansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null
        ? []
        : [{ line: plan.line, start, end: day(plan.end), field: 'CPPstartDate', text: plan.start }];
    });
    for (const range of overlapping(ranges)) emit(range.line, range.field, range.text);
  },
);

export const rule2883 = cinRule(
  '2883',
  CPP,
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
      if (starting.length > conferences.size) emit(episode.line, 'CPPstartDate', starting.at(-1)!.start);
    }
  },
);

export const rule2885 = cinRule(
  '2885',
  CPP,
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
          emit(plan.line, 'CPPstartDate', plan.start);
      }
    }
  },
);

export const rule4000 = cinRule(
  '4000',
  CIN_PLAN,
  'CIN plan dates are given for a referral with no further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isYes(episode.referralNfa))
        for (const plan of episode.cinPlans) emit(plan.line, 'CINPlanStartDate', plan.start);
  },
);

export const rule4001 = cinRule(
  '4001',
  CIN_PLAN,
  'A CIN plan runs at the same time as a child protection plan.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const plan of episode.cinPlans) {
        const start = day(plan.start);
        if (start === null) continue;
        const end = day(plan.end);
        const clash = episode.protectionPlans.some((cpp) => {
          const cppStart = day(cpp.start);
          return cppStart !== null && overlaps(start, end, cppStart, day(cpp.end));
        });
        if (clash) emit(plan.line, 'CINPlanStartDate', plan.start);
      }
  },
);

export const rule4003 = cinRule(
  '4003',
  REVIEWS,
  'A child protection plan review is dated while a CIN plan is open.',
  (child, _context, emit) => {
    const cinPlans = cinPlansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null ? [] : [{ start, end: day(plan.end) }];
    });
    for (const plan of plansOf(child))
      for (const review of plan.reviews ?? []) {
        const date = day(review);
        if (
          date !== null &&
          cinPlans.some((range) => date >= range.start && (range.end === null || date < range.end))
        )
          emit(plan.line, 'CPPreviewDate', review);
      }
  },
);

export const rule4004 = cinRule(
  '4004',
  CIN_PLAN,
  'The child has more than one open CIN plan (no end date).',
  (child, _context, emit) => {
    const open = cinPlansOf(child).filter((plan) => plan.end === '');
    for (const plan of open.slice(1)) emit(plan.line, 'CINPlanEndDate', '');
  },
);

export const rule4008 = cinRule(
  '4008',
  CIN_PLAN,
  'The CIN plan starts after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of cinPlansOf(child)) {
      const start = day(plan.start);
      if (start !== null && start > death) emit(plan.line, 'CINPlanStartDate', plan.start);
    }
  },
);

export const rule4009Q = cinRule(
  '4009Q',
  CIN_PLAN,
  'The CIN plan ends after the child’s date of death.',
  (child, _context, emit) => {
    const death = day(child.deathDate);
    if (death === null) return;
    for (const plan of cinPlansOf(child)) {
      const end = day(plan.end);
      if (end !== null && end > death) emit(plan.line, 'CINPlanEndDate', plan.end);
    }
  },
);

export const rule4010 = cinRule(
  '4010',
  CIN_PLAN,
  'The CIN plan start date is missing or after the end of the census year.',
  (child, context, emit) => {
    for (const plan of cinPlansOf(child)) {
      const start = day(plan.start);
      if (start === null || start > context.periodEnd) emit(plan.line, 'CINPlanStartDate', plan.start);
    }
  },
);

export const rule4011 = cinRule(
  '4011',
  CIN_PLAN,
  'The CIN plan ends before it starts.',
  (child, _context, emit) => {
    for (const plan of cinPlansOf(child)) {
      const start = day(plan.start);
      const end = day(plan.end);
      if (start !== null && end !== null && end < start) emit(plan.line, 'CINPlanEndDate', plan.end);
    }
  },
);

export const rule4012Q = cinRule(
  '4012Q',
  CIN_PLAN,
  'The CIN plan starts and ends on the same day.',
  (child, _context, emit) => {
    for (const plan of cinPlansOf(child))
      if (plan.start !== '' && plan.start === plan.end) emit(plan.line, 'CINPlanEndDate', plan.end);
  },
);

export const rule4013 = cinRule(
  '4013',
  CIN_PLAN,
  'The CIN plan end date is not within the census year.',
  (child, context, emit) => {
    for (const plan of cinPlansOf(child)) {
      const end = day(plan.end);
      if (end !== null && !inPeriod(end, context)) emit(plan.line, 'CINPlanEndDate', plan.end);
    }
  },
);

export const rule4014 = cinRule(
  '4014',
  CIN_PLAN,
  'Two CIN plans overlap: one starts before the previous one ended.',
  (child, _context, emit) => {
    const ranges = cinPlansOf(child).flatMap((plan) => {
      const start = day(plan.start);
      return start === null
        ? []
        : [{ line: plan.line, start, end: day(plan.end), field: 'CINPlanStartDate', text: plan.start }];
    });
    for (const range of overlapping(ranges)) emit(range.line, range.field, range.text);
  },
);

export const rule4015 = cinRule(
  '4015',
  CIN_PLAN,
  'The CIN plan starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const plan of episode.cinPlans) {
        const start = day(plan.start);
        if (referral !== null && start !== null && start < referral)
          emit(plan.line, 'CINPlanStartDate', plan.start);
      }
    }
  },
);
