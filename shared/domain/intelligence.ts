// Domain: soft intelligence, what advisers learn about a council that no return shows. Items carry an
// adviser-only narrative; only their category, severity, confidence and dates reach the risk engine.
import { createHash } from 'node:crypto';

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

export const CATEGORY_LABELS: Readonly<Record<IntelligenceCategory, string>> = {
  'leadership-change': 'Leadership change',
  'workforce-pressure': 'Workforce pressure',
  'ofsted-visit': 'Ofsted focused or monitoring visit',
  'serious-incident': 'Serious incident or practice review',
  'financial-distress': 'Financial distress',
  'partnership-concern': 'Partnership concern',
  'peer-review-finding': 'Peer review finding',
  'positive-assurance': 'Positive assurance',
};

/**
 * How long an item counts when the adviser gives no expiry, in months from the day it was observed.
 * Snapshots of a moving situation (workforce, assurance) go stale quickly; a serious incident stays
 * relevant while its review runs and is published, which usually takes more than a year.
 */
export const DEFAULT_EXPIRY_MONTHS: Readonly<Record<IntelligenceCategory, number>> = {
  'leadership-change': 12,
  'workforce-pressure': 6,
  'ofsted-visit': 12,
  'serious-incident': 18,
  'financial-distress': 12,
  'partnership-concern': 9,
  'peer-review-finding': 12,
  'positive-assurance': 6,
};

/** Past this an item must be re-confirmed as a new item rather than kept alive. */
export const MAX_EXPIRY_MONTHS = 36;
/** Soft intelligence is recorded from the first ILACS year on; nothing older is of use to the rating. */
export const EARLIEST_OBSERVED_ON = '2013-01-01';
export const NARRATIVE_MAX_CHARS = 4000;
export const SOURCE_MAX_CHARS = 200;
export const REASON_MAX_CHARS = 1000;

/** `INT-{la}-{yyyymmdd}-{10 hex}`: an item's council never changes, so its id can name it. */
export const INTELLIGENCE_ITEM_ID = /^INT-(\d{3})-\d{8}-[0-9A-F]{10}$/;

/** The council an item id names, or undefined when it is not an item id. */
export function itemIdCouncil(itemId: string): string | undefined {
  return INTELLIGENCE_ITEM_ID.exec(itemId)?.[1];
}

export type IntelligenceStatus = 'active' | 'withdrawn';

/** An item as advisers see it. The narrative and source never leave advisers' scope. */
export interface IntelligenceItem {
  /** e.g. "INT-886-20261123-3F9A0C12DE": the council, the day it was recorded, a random part. */
  readonly itemId: string;
  readonly la: string;
  readonly category: IntelligenceCategory;
  readonly severity: Severity;
  readonly confidence: Confidence;
  /** Where it came from, in a few words, e.g. "Call with the DCS". */
  readonly source: string;
  readonly observedOn: string;
  readonly narrative: string;
  /** The last day the item counts. */
  readonly expiresOn: string;
  /** True while the expiry is the category's default, so it follows a change of category or date. */
  readonly expiryDefaulted: boolean;
  readonly status: IntelligenceStatus;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** 1 when created, one more for each amendment or withdrawal. */
  readonly version: number;
  readonly withdrawal?: { readonly reason: string; readonly by: string; readonly at: string };
}

/** The fields an adviser can amend. The council cannot change: withdraw the item and record a new one. */
export const AMENDABLE_FIELDS = [
  'category',
  'severity',
  'confidence',
  'source',
  'observedOn',
  'narrative',
  'expiresOn',
] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

/**
 * One field's change in the audit trail. A narrative change is recorded by its lengths and SHA-256
 * fingerprints, not its text (see `narrativeChange`); every other field old → new in full.
 */
export type AuditChange =
  | {
      /** `expiryBasis` is "category default" or "set by adviser". */
      readonly field: Exclude<AmendableField, 'narrative'> | 'expiryBasis' | 'status';
      readonly from: string | null;
      readonly to: string;
    }
  | {
      readonly field: 'narrative';
      readonly summary: string;
      readonly fromLength: number | null;
      readonly toLength: number;
      readonly fromSha256: string | null;
      readonly toSha256: string;
    };

export interface AuditEntry {
  readonly itemId: string;
  /** The item's version this entry produced; entries are never overwritten. */
  readonly version: number;
  readonly action: 'created' | 'amended' | 'withdrawn';
  readonly at: string;
  readonly by: string;
  readonly changes: readonly AuditChange[];
  readonly reason?: string;
}

const MONTH_DAYS = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** Adds calendar months to an ISO date; the 31st lands on the last day of a shorter month. */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = MONTH_DAYS(target.getUTCFullYear(), target.getUTCMonth());
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export const expiryBasis = (defaulted: boolean) => (defaulted ? 'category default' : 'set by adviser');

export function defaultExpiresOn(category: IntelligenceCategory, observedOn: string): string {
  return addMonths(observedOn, DEFAULT_EXPIRY_MONTHS[category]);
}

/** Whether an item counts on a day: not withdrawn, already observed and not yet expired. */
export function countsOn(item: IntelligenceItem, asOf: string): boolean {
  return item.status === 'active' && item.observedOn <= asOf && asOf <= item.expiresOn;
}

export function signalLabel(
  category: IntelligenceCategory,
  severity: Severity,
  confidence: Confidence,
): string {
  return `${CATEGORY_LABELS[category]} (${severity} severity, ${confidence} confidence)`;
}

/** The narrative-free view of an item: built field by field, so nothing else can slip through. */
export function toSignal(item: IntelligenceItem): IntelligenceSignal {
  return {
    itemId: item.itemId,
    la: item.la,
    category: item.category,
    severity: item.severity,
    confidence: item.confidence,
    observedOn: item.observedOn,
    expiresOn: item.expiresOn,
    label: signalLabel(item.category, item.severity, item.confidence),
  };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const characters = (length: number) =>
  `${length.toLocaleString('en-GB')} character${length === 1 ? '' : 's'}`;

/**
 * The audit records that a narrative changed, not what it said. Amending is how an adviser corrects a
 * narrative that was wrong or should never have been written (an unfounded allegation, a named member of
 * staff); an append-only trail that kept every text would keep exactly what the correction was meant to
 * remove, beyond the reach of any later amendment. The fingerprints still let a disputed copy of an
 * earlier text be checked against the trail.
 */
export function narrativeChange(before: string | null, after: string): AuditChange {
  return {
    field: 'narrative',
    summary:
      before === null
        ? `narrative written (${characters(after.length)})`
        : `narrative changed (${characters(before.length)} → ${characters(after.length)})`,
    fromLength: before === null ? null : before.length,
    toLength: after.length,
    fromSha256: before === null ? null : sha256(before),
    toSha256: sha256(after),
  };
}
