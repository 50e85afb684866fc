// Domain: the shapes every CIN census module agrees on (reader, schema checks, rules, report, degrade,
// aggregates). Values are as uploaded (trimmed, '' when absent); dates stay ISO text until a rule parses them.
import type { Day } from '../dates.ts';

/**
 * Where an element is in the council's file, by position: "Child 12, CINdetails 2, Assessments 1" (the
 * child's place among the children, then each module's place among its like). A file written on one line has
 * every element on line 1, so the position is what locates a problem; the line is given as well.
 */
export interface CinPlace {
  /** Line of the element's start tag. */
  readonly line: number;
  readonly where: string;
}

/** `Message > Header`: what the file says about itself. */
export interface CinHeader {
  readonly line: number;
  readonly collection: string;
  readonly year: string;
  readonly referenceDate: string;
  readonly referenceDateLine: number;
  readonly lea: string;
}

export interface CinAssessment extends CinPlace {
  readonly start: string;
  readonly internalReview: string;
  readonly authorised: string;
  /** null when there is no FactorsIdentifiedAtAssessment element; [] when it is empty. */
  readonly factors: readonly string[] | null;
}

export interface CinPlanDates extends CinPlace {
  readonly start: string;
  readonly end: string;
}

export interface CinSection47 extends CinPlace {
  readonly start: string;
  readonly icpcTarget: string;
  readonly icpcDate: string;
  readonly icpcNotRequired: string;
}

export interface CinProtectionPlan extends CinPlace {
  readonly start: string;
  readonly end: string;
  readonly initialCategory: string;
  readonly latestCategory: string;
  readonly previousPlans: string;
  /** Review dates in file order ('' for an empty CPPreviewDate); null when there is no Reviews element. */
  readonly reviews: readonly string[] | null;
}

/** One `CINdetails` module: a referral and what followed it. */
export interface CinEpisode extends CinPlace {
  readonly referralDate: string;
  readonly referralSource: string;
  readonly primaryNeed: string;
  readonly closureDate: string;
  readonly closureReason: string;
  /** DateOfInitialCPC recorded on the CINdetails module itself. */
  readonly icpcDate: string;
  readonly referralNfa: string;
  readonly assessments: readonly CinAssessment[];
  readonly cinPlans: readonly CinPlanDates[];
  readonly section47: readonly CinSection47[];
  readonly protectionPlans: readonly CinProtectionPlan[];
}

export interface CinChild extends CinPlace {
  /** Position of the `<Child>` element in the file (1 = first). */
  readonly ordinal: number;
  readonly laChildId: string;
  readonly upn: string;
  readonly formerUpn: string;
  readonly upnUnknown: string;
  readonly birthDate: string;
  readonly expectedBirthDate: string;
  /** `Sex` (from 2025) or `GenderCurrent` (until 2024), whichever the file has. */
  readonly sex: string;
  readonly deathDate: string;
  readonly ethnicity: string;
  /** null when there is no Disabilities element. */
  readonly disabilities: readonly string[] | null;
  readonly episodes: readonly CinEpisode[];
}

export type CinSeverity = 'error' | 'query';

/** One failed check on one child (child = its ordinal) or on the return as a whole (child = null). */
export interface CinFinding {
  readonly code: string;
  /** The CIN module the check is about, e.g. "Assessments". */
  readonly module: string;
  /** Line of the element the problem is on (the module's start tag). */
  readonly line: number;
  /** Where that element is, by position ("Child 12, CINdetails 2, Assessments 1"; "Header"). */
  readonly where: string;
  readonly child: number | null;
  readonly field: string;
  readonly value: string;
}

export interface CinRuleContext {
  /** The year in which the census period ends: 2025 means 1 April 2024 to 31 March 2025. */
  readonly collectionYear: number;
  readonly periodStart: Day;
  readonly periodEnd: Day;
}

export interface CinRule {
  /** DfE rule code; a code ending in Q is a query (check and explain), the others are errors. */
  readonly code: string;
  readonly module: string;
  /** Our own words, for a council data officer. */
  readonly description: string;
  check(child: CinChild, context: CinRuleContext): CinFinding[];
}

/** A check over the whole return (duplicate identifiers, proportions), fed child by child. */
export interface CinCouncilRule {
  readonly code: string;
  readonly module: string;
  readonly description: string;
  start(context: CinRuleContext, header: CinHeader | null): CinCouncilCheck;
}

export interface CinCouncilCheck {
  add(child: CinChild): void;
  /** Council-level findings: one message each, no child named. */
  finish(): { readonly message: string; readonly line: number | null }[];
}

export const severityOf = (code: string): CinSeverity => (code.endsWith('Q') ? 'query' : 'error');
