// Domain: the risk model's published constants — weights, thresholds, half-lives and the escalation
// matrix. Everything an adviser needs to check a rating by hand lives here and in docs/risk-method.md.
import type { IntelligenceCategory } from '../intelligence.ts';

/**
 * Bumped whenever a weight, threshold, half-life or rule changes, so every stored assessment says which
 * model produced it. Assessments made by different versions are not directly comparable.
 */
export const MODEL_VERSION = 'risk-2026.1';

export const RISK_BANDS = ['green', 'amber', 'red'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** What the published data says, from the data score. */
export const DATA_RATINGS = ['typical', 'elevated', 'high'] as const;
export type DataRating = (typeof DATA_RATINGS)[number];

/** What advisers' soft intelligence says, from the net, decayed intelligence score. */
export const INTELLIGENCE_RATINGS = ['assured', 'none', 'concern', 'serious'] as const;
export type IntelligenceRating = (typeof INTELLIGENCE_RATINGS)[number];

// Indicator positions -----------------------------------------------------------------------------

/**
 * A position is how far a council sits from the national median, in robust standard deviations
 * (interquartile range / 1.349), turned so that positive is worse. It is capped so one extreme value
 * cannot carry a rating on its own.
 */
export const POSITION_CAP = 2.5;
/** Better-than-median positions count, but less: good care leaver figures should not hide a failing front door. */
export const BETTER_POSITION_CAP = 1;
/**
 * A funnel-eligible proportion that lies within the 95% limits for its denominator is consistent with
 * chance for a council of its size, so its position counts at this share.
 */
export const WITHIN_FUNNEL_FACTOR = 0.5;

/**
 * Points per unit of position for each scored indicator. These are the weights of a logistic regression
 * of "inadequate" on the positions, fitted on every ILACS inspection to March 2025 with an L2 penalty and
 * every weight held at or above zero (so no indicator's polarity is reversed), then multiplied by
 * `WEIGHT_SCALE` and rounded to two decimals. The same procedure, refitted at each yearly origin on
 * earlier inspections only, is what the backtest validates out of time (docs/backtest.md). A weight of 0
 * means the history gave no evidence that the indicator adds anything once the others are known: the
 * indicator is still shown with its position, and scores nothing. Indicators not listed are context.
 */
export const INDICATOR_WEIGHTS: Readonly<Record<string, number>> = {
  're-referrals': 0,
  'assessment-timeliness': 0.94,
  'icpc-timeliness': 0,
  'cp-reviews-on-time': 0.49,
  'repeat-cp-plans': 0,
  'long-cp-plans': 0.02,
  'placement-instability': 0.06,
  'long-term-stability': 0,
  'distant-placements': 0,
  'social-worker-changes': 0,
  'care-leavers-suitable-accommodation': 0,
  'care-leavers-eet': 0.12,
  'care-leavers-not-in-touch': 0.13,
  'care-leavers-staying-put': 0,
  'sw-vacancy-rate': 0,
  'sw-turnover-rate': 0.25,
  'sw-agency-rate': 0.05,
  'sw-absence-rate': 0.02,
  'average-caseload': 0.94,
};

/** Fitted log-odds are multiplied by this so a point reads on a comfortable scale (1 point ≈ odds × 1.4). */
export const WEIGHT_SCALE = 3;

/**
 * An indicator driver is red when the model uses it (weight above 0), its position is at least this bad,
 * and, for a proportion with funnel limits, it lies beyond the 99.8% limit on the worse side.
 */
export const RED_POSITION = 2;

// Data rating -------------------------------------------------------------------------------------

/**
 * Score thresholds to enter and to leave each data rating above "typical". The gap between them is the
 * hysteresis that stops a council whose score hovers near a threshold from flapping. On published data
 * for 2023 to 2025, "high" is entered by roughly the worst fifth of councils and "elevated" by the next
 * fifth (docs/risk-method.md).
 */
export const DATA_THRESHOLDS: Readonly<Record<Exclude<DataRating, 'typical'>, ThresholdPair>> = {
  elevated: { enter: 0.7, leave: 0.5 },
  high: { enter: 1.6, leave: 1.3 },
};

export interface ThresholdPair {
  /** Reach this score (or more) to enter the rating. */
  readonly enter: number;
  /** Once in the rating, stay while the score is at least this. */
  readonly leave: number;
}

// Soft intelligence -------------------------------------------------------------------------------

export const SEVERITY_POINTS = { low: 0.5, medium: 1, high: 2, critical: 3 } as const;
export const CONFIDENCE_FACTORS = { low: 0.5, medium: 0.75, high: 1 } as const;

/** Days for an item's weight to halve: practice concerns fade slower than a single staffing wobble. */
export const HALF_LIFE_DAYS: Readonly<Record<IntelligenceCategory, number>> = {
  'leadership-change': 180,
  'workforce-pressure': 120,
  'ofsted-visit': 180,
  'serious-incident': 365,
  'financial-distress': 365,
  'partnership-concern': 180,
  'peer-review-finding': 270,
  'positive-assurance': 180,
};

/**
 * Intelligence thresholds on the net score. "assured" is entered at or below `assured.enter` (a
 * negative score: positive assurance outweighs concerns) and left above `assured.leave`.
 */
export const INTELLIGENCE_THRESHOLDS = {
  assured: { enter: -1, leave: -0.75 },
  concern: { enter: 1, leave: 0.75 },
  serious: { enter: 2.5, leave: 2 },
} as const;

/** A single intelligence item whose decayed weight is at least this is a red driver. */
export const RED_INTELLIGENCE_WEIGHT = 2;

// Escalation matrix -------------------------------------------------------------------------------

/**
 * Data rating (rows) × intelligence rating (columns) → band. Data alone never makes a council red: red
 * needs data and advisers' intelligence pointing the same way, or serious intelligence with elevated
 * data. Serious intelligence alone makes a council amber at least.
 */
export const ESCALATION_MATRIX: Readonly<Record<DataRating, Readonly<Record<IntelligenceRating, RiskBand>>>> =
  {
    typical: { assured: 'green', none: 'green', concern: 'amber', serious: 'amber' },
    elevated: { assured: 'green', none: 'green', concern: 'amber', serious: 'red' },
    high: { assured: 'green', none: 'amber', concern: 'red', serious: 'red' },
  };

/**
 * Days a council must stay in a band before the model lowers it. Raising a band is never delayed: a
 * serious incident must not wait for a timer.
 */
export const MINIMUM_DWELL_DAYS = 90;
