// Domain: CIN rules on Section47 enquiries and initial child protection conferences (ICPC).
import type { CinSection47 } from '../model.ts';
import { isWeekend, workingDaysBetween } from '../working-days.ts';
import { cinRule, day, inPeriod, isYes } from './helpers.ts';

const MODULE = 'Section47';

/** An enquiry with no conference yet and not marked as needing none. */
const awaitingConference = (item: CinSection47): boolean =>
  item.icpcDate === '' && !isYes(item.icpcNotRequired);

export const rule2889 = cinRule(
  '2889',
  MODULE,
  'The section 47 enquiry starts before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      for (const item of episode.section47) {
        const start = day(item.start);
        if (referral !== null && start !== null && start < referral)
          emit(item.line, 'S47ActualStartDate', item.start);
      }
    }
  },
);

export const rule1104 = cinRule(
  '1104',
  MODULE,
  'The initial child protection conference is dated before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral === null) continue;
      const icpc = day(episode.icpcDate);
      if (icpc !== null && icpc < referral) emit(episode.line, 'DateOfInitialCPC', episode.icpcDate);
      for (const item of episode.section47) {
        const date = day(item.icpcDate);
        if (date !== null && date < referral) emit(item.line, 'DateOfInitialCPC', item.icpcDate);
      }
    }
  },
);

export const rule8615 = cinRule(
  '8615',
  MODULE,
  'The section 47 start date is missing or later than the initial child protection conference.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const start = day(item.start);
        const icpc = day(item.icpcDate);
        if (start === null || (icpc !== null && start > icpc))
          emit(item.line, 'S47ActualStartDate', item.start);
      }
  },
);

export const rule8715 = cinRule(
  '8715',
  MODULE,
  'The date of the initial child protection conference is not within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const icpc = day(episode.icpcDate);
      if (icpc !== null && !inPeriod(icpc, context)) emit(episode.line, 'DateOfInitialCPC', episode.icpcDate);
      for (const item of episode.section47) {
        const date = day(item.icpcDate);
        if (date !== null && !inPeriod(date, context)) emit(item.line, 'DateOfInitialCPC', item.icpcDate);
      }
    }
  },
);

export const rule8740 = cinRule(
  '8740',
  MODULE,
  'A section 47 enquiry with no conference by the end of the census year must have started within it.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const start = day(item.start);
        if (awaitingConference(item) && start !== null && !inPeriod(start, context))
          emit(item.line, 'S47ActualStartDate', item.start);
      }
  },
);

export const rule8675Q = cinRule(
  '8675Q',
  MODULE,
  'The section 47 enquiry started more than 15 working days before the end of the census year but has no conference date.',
  (child, context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const start = day(item.start);
        if (awaitingConference(item) && start !== null && workingDaysBetween(start, context.periodEnd) > 15)
          emit(item.line, 'DateOfInitialCPC', '');
      }
  },
);

export const rule8839 = cinRule(
  '8839',
  MODULE,
  'An episode has two or more section 47 enquiries still awaiting a conference.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const open = episode.section47.filter(awaitingConference);
      for (const item of open.slice(1)) emit(item.line, 'DateOfInitialCPC', '');
    }
  },
);

export const rule8870Q = cinRule(
  '8870Q',
  MODULE,
  'The target date for the initial child protection conference falls on a weekend.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      for (const item of episode.section47) {
        const target = day(item.icpcTarget);
        if (target !== null && isWeekend(target)) emit(item.line, 'InitialCPCtarget', item.icpcTarget);
      }
  },
);

export const rule8875 = cinRule(
  '8875',
  MODULE,
  'The initial child protection conference is dated on a weekend.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const icpc = day(episode.icpcDate);
      if (icpc !== null && isWeekend(icpc)) emit(episode.line, 'DateOfInitialCPC', episode.icpcDate);
      for (const item of episode.section47) {
        const date = day(item.icpcDate);
        if (date !== null && isWeekend(date)) emit(item.line, 'DateOfInitialCPC', item.icpcDate);
      }
    }
  },
);

export const rule2884 = cinRule(
  '2884',
  MODULE,
  'An initial child protection conference is recorded both on the episode and on a section 47 enquiry: record it in one place.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.icpcDate !== '' && episode.section47.some((item) => item.icpcDate !== ''))
        emit(episode.line, 'DateOfInitialCPC', episode.icpcDate);
  },
);

export const rule8890 = cinRule(
  '8890',
  'CINdetails',
  'A section 47 enquiry starts while another on the episode is still awaiting its conference.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const items = episode.section47
        .map((item) => ({ item, start: day(item.start), end: day(item.icpcDate) }))
        .filter((entry) => entry.start !== null);
      for (const later of items)
        for (const earlier of items) {
          if (earlier === later || earlier.start! >= later.start!) continue;
          const ongoing =
            (earlier.end === null && awaitingConference(earlier.item)) ||
            (earlier.end !== null && earlier.end > later.start!);
          if (ongoing) {
            emit(later.item.line, 'S47ActualStartDate', later.item.start);
            break;
          }
        }
    }
  },
);
