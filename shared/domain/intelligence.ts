// Domain: soft intelligence, what advisers learn about a council that no return shows. Items carry an
// adviser-only narrative; only their category, severity, confidence and dates reach the risk engine.

export const INTELLIGENCE_CATEGORIES = [
  'leadership-change',
  'workforce-pressure',
  'ofsted-visit',
  'serious-incident',
  'financial-distress',
  'partnership-concern',
  'peer-review-finding',
  'positive-assurance',
] as const;
export type IntelligenceCategory = (typeof INTELLIGENCE_CATEGORIES)[number];

/** How much it matters if true. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How sure the adviser is that it is true. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** What the risk engine sees of an item: no narrative, no source. */
export interface IntelligenceSignal {
  readonly itemId: string;
  readonly la: string;
  readonly category: IntelligenceCategory;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** ISO date (yyyy-mm-dd) the adviser observed it. */
  readonly observedOn: string;
  /** ISO date after which it no longer counts. */
  readonly expiresOn: string;
  /** Short, narrative-free wording for drivers, e.g. "Serious incident (high severity, medium confidence)". */
  readonly label: string;
}
