// Domain: CIN rules on Assessments.
import { workingDaysBetween } from '../working-days.ts';
import { cinRule, day, inPeriod } from './helpers.ts';

const MODULE = 'Assessments';

export const rule1103 = cinRule(
  '1103',
  MODULE,
  'The assessment starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const item of episode.assessments) {
        const start = day(item.start);
        if (referral !== null && start !== null && start < referral)
          emit(item.line, 'AssessmentActualStartDate', item.start);
      }
    }
  },
);

export const rule8608 = cinRule(
  '8608',
  MODULE,
  'The assessment starts after it was authorised (completed).',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const start = day(item.start);
        const end = day(item.authorised);
        if (start !== null && end !== null && start > end)
          emit(item.line, 'AssessmentActualStartDate', item.start);
      }
  },
);

export const rule8614 = cinRule(
  '8614',
  MODULE,
  'Assessment factors are given for an assessment that has not been completed.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments)
        if (item.authorised === '' && (item.factors?.length ?? 0) > 0)
          emit(item.line, 'AssessmentFactors', item.factors!.join(' '));
  },
);

export const rule8696 = cinRule(
  '8696',
  MODULE,
  'The assessment authorisation (end) date is not within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const end = day(item.authorised);
        if (end !== null && !inPeriod(end, context))
          emit(item.line, 'AssessmentAuthorisationDate', item.authorised);
      }
  },
);

export const rule8736 = cinRule(
  '8736',
  MODULE,
  'An assessment not yet completed must have started within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const start = day(item.start);
        if (item.authorised === '' && start !== null && !inPeriod(start, context))
          emit(item.line, 'AssessmentActualStartDate', item.start);
      }
  },
);

export const rule8670Q = cinRule(
  '8670Q',
  MODULE,
  'The assessment started more than 45 working days before the end of the census year but has no end date.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const start = day(item.start);
        if (item.authorised === '' && start !== null && workingDaysBetween(start, context.periodEnd) > 45)
          emit(item.line, 'AssessmentAuthorisationDate', '');
      }
  },
);

export const rule8869 = cinRule(
  '8869',
  MODULE,
  'Assessment factor 21 (no factors identified) is used together with other factors.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const factors = item.factors ?? [];
        if (factors.includes('21') && factors.length > 1)
          emit(item.line, 'AssessmentFactors', factors.join(' '));
      }
  },
);

export const rule8896 = cinRule(
  '8896',
  MODULE,
  'An episode has two or more assessments that are not completed.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const open = episode.assessments.filter((item) => item.authorised === '');
      for (const item of open.slice(1)) emit(item.line, 'AssessmentAuthorisationDate', '');
    }
  },
);

export const rule8898 = cinRule(
  '8898',
  MODULE,
  'An assessment gives the same factor code twice.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments) {
        const seen = new Set<string>();
        for (const code of item.factors ?? []) {
          if (seen.has(code)) emit(item.line, 'AssessmentFactors', code);
          seen.add(code);
        }
      }
  },
);

export const rule8897Q = cinRule(
  '8897Q',
  MODULE,
  'A completed assessment gives no factors identified at assessment.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.assessments)
        if (item.authorised !== '' && (item.factors?.length ?? 0) === 0)
          emit(item.line, 'AssessmentFactors', '');
  },
);

export const rule8863Q = cinRule(
  '8863Q',
  MODULE,
  'An assessment starts while another assessment on the episode is still going on.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const items = episode.assessments
        .map((item) => ({ item, start: day(item.start), end: day(item.authorised) }))
        .filter((entry) => entry.start !== null);
      for (const later of items)
        for (const earlier of items) {
          if (earlier === later || earlier.start! >= later.start!) continue;
          if (earlier.end === null || earlier.end > later.start!) {
            emit(later.item.line, 'AssessmentActualStartDate', later.item.start);
            break;
          }
        }
    }
  },
);

function factorQuery(code: string, factor: string, instead: string) {
  return cinRule(
    code,
    MODULE,
    `Assessment factor ${factor} should no longer be used: use ${instead} instead.`,
    (child, _context, emit) => {
      for (const episode of child.episodes)
        for (const item of episode.assessments)
          if ((item.factors ?? []).includes(factor)) emit(item.line, 'AssessmentFactors', factor);
    },
  );
}

export const rule8945Q = factorQuery('8945Q', '18A', '18B (child on child) or 18C (adult on child)');
export const rule8950Q = factorQuery('8950Q', '19A', '19B (child on child) or 19C (adult on child)');
