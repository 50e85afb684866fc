// Domain: a story to play, for demos and tests. "Workforce crisis": a council loses social workers from the
// summer; vacancies, agency use and caseloads climb first, assessments slip two months later, and by winter
// more children come back onto a second child protection plan. The months arrive as in-year uploads, one a
// month, and advisers record what they hear along the way as intelligence items.
import type { NationalBaseline } from '../indicators/baseline.ts';
import type { Confidence, IntelligenceCategory, Severity } from '../intelligence.ts';
import { monthsOfYear } from '../inyear/format.ts';
import { generateReturn } from './index.ts';
import type { Strain } from './inyear.ts';
import type { GeneratedFile } from './ssda903.ts';

export interface ScenarioIntelligence {
  readonly category: IntelligenceCategory;
  readonly severity: Severity;
  readonly confidence: Confidence;
  readonly source: string;
  /** ISO date the adviser heard it. */
  readonly observedOn: string;
  readonly narrative: string;
}

export interface ScenarioStep {
  /** The in-year month uploaded at this step ("2026-07"). */
  readonly month: string;
  /** The in-year file for that month alone, as the council would upload it early the next month. */
  readonly upload: GeneratedFile;
  /** What advisers record in the same month. */
  readonly intelligence: readonly ScenarioIntelligence[];
}

export interface Scenario {
  readonly name: string;
  readonly la: string;
  readonly collectionYear: number;
  readonly steps: readonly ScenarioStep[];
}

/** Months (0 is April) when each family starts to strain, and how many months it takes to reach the worst. */
const ONSET = { workforce: 2, assessments: 4, 'child-protection': 6, 'front-door': 8 } as const;
const RAMP_MONTHS = 4;

export const workforceCrisisStrain: Strain = (monthIndex, family) => {
  const onset = ONSET[family as keyof typeof ONSET] ?? 99;
  return Math.min(1, Math.max(0, (monthIndex - onset + 1) / RAMP_MONTHS));
};

/** Intelligence by month index, written as an adviser would, with nothing about any child. */
const INTELLIGENCE: Readonly<Record<number, readonly Omit<ScenarioIntelligence, 'observedOn'>[]>> = {
  3: [
    {
      category: 'workforce-pressure',
      severity: 'medium',
      confidence: 'medium',
      source: 'Regional workforce network',
      narrative:
        'Two team managers in the assessment service have resigned; the council is covering with agency staff.',
    },
  ],
  5: [
    {
      category: 'leadership-change',
      severity: 'high',
      confidence: 'high',
      source: 'Call with the DCS',
      narrative:
        'The Director of Children’s Services has announced she is leaving at the end of the quarter.',
    },
  ],
  7: [
    {
      category: 'workforce-pressure',
      severity: 'high',
      confidence: 'high',
      source: 'Quarterly conversation',
      narrative:
        'Social worker vacancies in the front door teams are now above a third; caseloads above 25 in two teams.',
    },
  ],
};

/** The workforce crisis for a council and year: twelve monthly in-year uploads and the intelligence recorded. */
export function workforceCrisis(
  baseline: NationalBaseline,
  la: string,
  collectionYear: number,
  seed = 1,
): Scenario {
  const names = monthsOfYear(collectionYear);
  const steps = names.map((month, index) => {
    const [upload] = generateReturn(
      { returnType: 'inyear', collectionYear, la, seed, months: [index], strain: workforceCrisisStrain },
      baseline,
    );
    const intelligence = (INTELLIGENCE[index] ?? []).map((item) => ({ ...item, observedOn: `${month}-15` }));
    return { month, upload: upload!, intelligence };
  });
  return { name: 'workforce-crisis', la, collectionYear, steps };
}
