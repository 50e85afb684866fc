// Domain: CIN rules on CINdetails (the referral and its episode).
import type { Day } from '../../dates.ts';
import type { CinEpisode } from '../model.ts';
import { cinSchemaForYear } from '../schema.ts';
import {
  CLOSED_AFTER_ASSESSMENT,
  CLOSURE_REASON,
  cinRule,
  day,
  inPeriod,
  isNo,
  isYes,
  PRIMARY_NEED,
  REFERRAL_SOURCE,
} from './helpers.ts';

const MODULE = 'CINdetails';
const FORTY_WEEKS = 280;

/** An episode still open: no closure date, and not a referral with no further action. */
const openEpisode = (episode: CinEpisode): boolean =>
  episode.closureDate === '' && !isYes(episode.referralNfa);

export const rule8600 = cinRule(
  '8600',
  MODULE,
  'The referral date is missing or after the end of the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral === null || referral > context.periodEnd)
        emit(episode.line, 'CINreferralDate', episode.referralDate);
    }
  },
);

export const rule8606 = cinRule(
  '8606',
  MODULE,
  'The referral date is more than 40 weeks before the date of birth (or expected date of birth).',
  (child, _context, emit) => {
    const birth = day(child.birthDate) ?? day(child.expectedBirthDate);
    if (birth === null) return;
    for (const episode of child.episodes) {
      const referral = day(episode.referralDate);
      if (referral !== null && referral < birth - FORTY_WEEKS)
        emit(episode.line, 'CINreferralDate', episode.referralDate);
    }
  },
);

export const rule8610 = cinRule(
  '8610',
  MODULE,
  'The primary need code is missing for a referral that led to further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isNo(episode.referralNfa) && episode.primaryNeed === '') emit(episode.line, 'PrimaryNeedCode', '');
  },
);

export const rule8620 = cinRule(
  '8620',
  MODULE,
  'The CIN closure date is not within the census year.',
  (child, context, emit) => {
    for (const episode of child.episodes) {
      const closure = day(episode.closureDate);
      if (closure !== null && !inPeriod(closure, context))
        emit(episode.line, 'CINclosureDate', episode.closureDate);
    }
  },
);

export const rule8630 = cinRule(
  '8630',
  MODULE,
  'The CIN closure date is before the referral date.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      const closure = day(episode.closureDate);
      const referral = day(episode.referralDate);
      if (closure !== null && referral !== null && closure < referral)
        emit(episode.line, 'CINclosureDate', episode.closureDate);
    }
  },
);

export const rule8640 = cinRule(
  '8640',
  MODULE,
  'The reason for closure is not a code in the list (RC1 to RC9).',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.closureReason !== '' && !CLOSURE_REASON.has(episode.closureReason))
        emit(episode.line, 'ReasonForClosure', episode.closureReason);
  },
);

export const rule8650 = cinRule(
  '8650',
  MODULE,
  'The primary need code is not a code in the list (N0 to N9).',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.primaryNeed !== '' && !PRIMARY_NEED.has(episode.primaryNeed))
        emit(episode.line, 'PrimaryNeedCode', episode.primaryNeed);
  },
);

export const rule8866 = cinRule(
  '8866',
  MODULE,
  'The source of referral is missing or not a code in the list.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (!REFERRAL_SOURCE.has(episode.referralSource))
        emit(episode.line, 'ReferralSource', episode.referralSource);
  },
);

export const rule8568 = cinRule(
  '8568',
  MODULE,
  'The referral-no-further-action flag is missing or not a yes/no value allowed this census year.',
  (child, context, emit) => {
    const allowed = cinSchemaForYear(context.collectionYear).yesNo;
    for (const episode of child.episodes)
      if (!allowed.has(episode.referralNfa)) emit(episode.line, 'ReferralNFA', episode.referralNfa);
  },
);

export const rule8805 = cinRule(
  '8805',
  MODULE,
  'The episode has a closure date but no reason for closure.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.closureDate !== '' && episode.closureReason === '')
        emit(episode.line, 'ReasonForClosure', '');
  },
);

export const rule8810 = cinRule(
  '8810',
  MODULE,
  'The episode has a reason for closure but no closure date.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.closureReason !== '' && episode.closureDate === '')
        emit(episode.line, 'CINclosureDate', '');
  },
);

export const rule8815 = cinRule(
  '8815',
  MODULE,
  'More than one episode is open (no closure date) and is not a referral with no further action.',
  (child, _context, emit) => {
    const open = child.episodes.filter(openEpisode);
    for (const episode of open.slice(1)) emit(episode.line, 'CINclosureDate', '');
  },
);

export const rule8816 = cinRule(
  '8816',
  MODULE,
  'An open episode (not a referral with no further action) is not the latest episode.',
  (child, _context, emit) => {
    const referrals = child.episodes.map((episode) => day(episode.referralDate));
    if (referrals.some((value) => value === null)) return;
    const latest = Math.max(...(referrals as Day[]));
    child.episodes.forEach((episode, index) => {
      if (openEpisode(episode) && referrals[index]! < latest) emit(episode.line, 'CINclosureDate', '');
    });
  },
);

export const rule8820 = cinRule(
  '8820',
  MODULE,
  'The dates of two episodes overlap: a referral is dated before the previous episode closed.',
  (child, _context, emit) => {
    const episodes = child.episodes
      .map((episode) => ({ episode, start: day(episode.referralDate), end: day(episode.closureDate) }))
      .filter((item): item is { episode: CinEpisode; start: Day; end: Day | null } => item.start !== null)
      .sort((a, b) => a.start - b.start);
    for (let index = 1; index < episodes.length; index++) {
      const previous = episodes[index - 1]!;
      const current = episodes[index]!;
      if (isYes(previous.episode.referralNfa) || isYes(current.episode.referralNfa)) continue;
      if (previous.end === null || current.start < previous.end)
        emit(current.episode.line, 'CINreferralDate', current.episode.referralDate);
    }
  },
);

const hasActivity = (episode: CinEpisode): boolean =>
  episode.assessments.length > 0 ||
  episode.cinPlans.length > 0 ||
  episode.section47.length > 0 ||
  episode.protectionPlans.length > 0 ||
  episode.icpcDate !== '';

export const rule8831 = cinRule(
  '8831',
  MODULE,
  'Activity (an assessment, CIN plan, section 47 enquiry, conference or plan) is recorded on a referral with no further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isYes(episode.referralNfa) && hasActivity(episode))
        emit(episode.line, 'ReferralNFA', episode.referralNfa);
  },
);

export const rule8832 = cinRule(
  '8832',
  'ChildProtectionPlans',
  'A child protection plan is recorded on a referral with no further action.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (isYes(episode.referralNfa))
        for (const plan of episode.protectionPlans) emit(plan.line, 'CPPstartDate', plan.start);
  },
);

export const rule2990 = cinRule(
  '2990',
  MODULE,
  'Activity (a CIN plan, section 47 enquiry, conference or plan) is recorded on an episode closed after assessment (RC8 or RC9).',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      if (!CLOSED_AFTER_ASSESSMENT.has(episode.closureReason)) continue;
      if (
        episode.cinPlans.length > 0 ||
        episode.section47.length > 0 ||
        episode.protectionPlans.length > 0 ||
        episode.icpcDate !== ''
      )
        emit(episode.line, 'ReasonForClosure', episode.closureReason);
    }
  },
);

export const rule2991Q = cinRule(
  '2991Q',
  MODULE,
  'A section 47 enquiry is recorded but the episode has no assessment.',
  (child, _context, emit) => {
    for (const episode of child.episodes)
      if (episode.section47.length > 0 && episode.assessments.length === 0)
        emit(episode.line, 'Assessments', '');
  },
);

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
        if (after(item.start)) emit(item.line, 'AssessmentActualStartDate', item.start);
      for (const item of episode.cinPlans)
        if (after(item.start)) emit(item.line, 'CINPlanStartDate', item.start);
      for (const item of episode.section47)
        if (after(item.start)) emit(item.line, 'S47ActualStartDate', item.start);
      for (const item of episode.protectionPlans)
        if (after(item.start)) emit(item.line, 'CPPstartDate', item.start);
    }
  },
);

export const rule8867 = cinRule(
  '8867',
  MODULE,
  'The episode is closed, but an assessment on it has not been completed.',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      if (episode.closureDate === '') continue;
      for (const item of episode.assessments)
        if (item.authorised === '') emit(item.line, 'AssessmentAuthorisationDate', '');
    }
  },
);

export const rule8868 = cinRule(
  '8868',
  MODULE,
  'The episode is closed, but a section 47 enquiry on it has neither a conference date nor "conference not required".',
  (child, _context, emit) => {
    for (const episode of child.episodes) {
      if (episode.closureDate === '') continue;
      for (const item of episode.section47)
        if (item.icpcDate === '' && !isYes(item.icpcNotRequired)) emit(item.line, 'DateOfInitialCPC', '');
    }
  },
);
