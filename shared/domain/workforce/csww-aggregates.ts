// Domain: a council's workforce figures from its census, and the register's workforce indicators from
// them (DfE's definitions, docs/indicators.md). Council-level numbers only.
//
// - in post: employed (not agency) social workers whose role had not ended by 30 September: FTE summed;
// - leavers: employed workers whose role ended in the year to 30 September: FTE summed;
// - agency and vacancies: the council-level FTEs (LALevelVacancies);
// - absence: working days lost by the workers in post over (in-post FTE x 253 working days);
// - caseload: cases held at 30 September by case holders (employed and agency) with an FTE above zero, over
//   their FTE (a worker with FTE 0 holds cases DfE leaves out of both sides).
import type { CswwWorker, LaLevelFigures } from './csww-reader.ts';
import { censusDate, censusYearStart } from './csww-reader.ts';

/** Working days in a year, as DfE's absence rate assumes for one FTE. */
export const WORKING_DAYS_PER_FTE_YEAR = 253;

export interface CswwFigures {
  readonly workers: number;
  readonly inPostFte: number;
  readonly inPostHeadcount: number;
  readonly leaversFte: number;
  readonly leaversHeadcount: number;
  readonly startersFte: number;
  readonly agencyFte: number | null;
  readonly agencyHeadcount: number | null;
  readonly vacancyFte: number | null;
  readonly workingDaysLost: number;
  readonly cases: number;
  readonly caseHolderFte: number;
}

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number | null;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export class CswwAggregator {
  private readonly reference: number;
  private readonly yearStart: number;
  private workers = 0;
  private inPostFte = 0;
  private inPostHeadcount = 0;
  private leaversFte = 0;
  private leaversHeadcount = 0;
  private startersFte = 0;
  private workingDaysLost = 0;
  private cases = 0;
  private caseHolderFte = 0;

  constructor(collectionYear: number) {
    this.reference = censusDate(collectionYear);
    this.yearStart = censusYearStart(collectionYear);
  }

  add(worker: CswwWorker): void {
    this.workers++;
    const inPost = worker.roleEnd === null || worker.roleEnd > this.reference;
    const fteNow = worker.fte30 ?? worker.fte;
    if (worker.agency === false) {
      if (inPost) {
        this.inPostHeadcount++;
        this.inPostFte += fteNow ?? 0;
        this.workingDaysLost += worker.workingDaysLost ?? 0;
        if (worker.roleStart !== null && worker.roleStart >= this.yearStart) this.startersFte += fteNow ?? 0;
      } else {
        this.leaversHeadcount++;
        this.leaversFte += worker.fte ?? worker.fte30 ?? 0;
      }
    }
    if (worker.agency !== null && inPost && (worker.cases30 ?? 0) > 0 && fteNow !== null && fteNow > 0) {
      this.cases += worker.cases30!;
      this.caseHolderFte += fteNow;
    }
  }

  figures(laLevel: LaLevelFigures): CswwFigures {
    return {
      workers: this.workers,
      inPostFte: round6(this.inPostFte),
      inPostHeadcount: this.inPostHeadcount,
      leaversFte: round6(this.leaversFte),
      leaversHeadcount: this.leaversHeadcount,
      startersFte: round6(this.startersFte),
      agencyFte: laLevel.agencyFte,
      agencyHeadcount: laLevel.agencyHeadcount,
      vacancyFte: laLevel.vacancyFte,
      workingDaysLost: round6(this.workingDaysLost),
      cases: this.cases,
      caseHolderFte: round6(this.caseHolderFte),
    };
  }
}

/** The register's workforce indicators as numerator and denominator (rates are worked out at recompute). */
export function cswwIndicators(figures: CswwFigures): Record<string, Ratio> {
  const indicators: Record<string, Ratio> = {
    'sw-turnover-rate': { numerator: figures.leaversFte, denominator: figures.inPostFte },
    'sw-absence-rate': {
      numerator: figures.workingDaysLost,
      denominator: round6(figures.inPostFte * WORKING_DAYS_PER_FTE_YEAR),
    },
    'average-caseload': { numerator: figures.cases, denominator: figures.caseHolderFte },
  };
  if (figures.vacancyFte !== null)
    indicators['sw-vacancy-rate'] = {
      numerator: figures.vacancyFte,
      denominator: round6(figures.vacancyFte + figures.inPostFte),
    };
  if (figures.agencyFte !== null)
    indicators['sw-agency-rate'] = {
      numerator: figures.agencyFte,
      denominator: round6(figures.agencyFte + figures.inPostFte),
    };
  return indicators;
}

/** A ratio as a rate to one decimal place (percent, or plain for caseload); null when the base is zero. */
export function rateOf(ratio: Ratio | undefined, scale: 100 | 1): number | null {
  if (!ratio || ratio.denominator === null || !(ratio.denominator > 0)) return null;
  return Math.round(((ratio.numerator * scale) / ratio.denominator) * 10) / 10;
}

/** The figures and rates shown in the council's report. */
export function cswwReportFigures(figures: CswwFigures): Record<string, number | null> {
  const indicators = cswwIndicators(figures);
  return {
    workers: figures.workers,
    inPostFte: figures.inPostFte,
    inPostHeadcount: figures.inPostHeadcount,
    agencyFte: figures.agencyFte,
    agencyRatePercent: rateOf(indicators['sw-agency-rate'], 100),
    vacancyFte: figures.vacancyFte,
    vacancyRatePercent: rateOf(indicators['sw-vacancy-rate'], 100),
    leaversFte: figures.leaversFte,
    turnoverRatePercent: rateOf(indicators['sw-turnover-rate'], 100),
    workingDaysLost: figures.workingDaysLost,
    absenceRatePercent: rateOf(indicators['sw-absence-rate'], 100),
    cases: figures.cases,
    caseHolderFte: figures.caseHolderFte,
    averageCaseload: rateOf(indicators['average-caseload'], 1),
  };
}
