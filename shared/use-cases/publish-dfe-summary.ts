// Use case: publish the national summary for DfE — weekly, and when a council's band change makes the
// national picture change materially — then email it to the subscribers who asked for it. Ports only.
//
// 1. The summary is built from every council's current risk band, the indicator values (published baseline
//    with councils' uploads) and active intelligence counts by category, under disclosure control, and saved
//    once under its id (weekly: the ISO week in Europe/London; on change: the triggering change's time). A
//    summary already saved under the id is reused as it is, never rebuilt.
// 2. The feeds (Atom, JSON Feed, CSV) are rewritten from the saved summaries, newest first; writing the same
//    feeds again changes nothing.
// 3. One SummaryEmailDue per matching confirmed subscription goes to DigestQueue. Every run enqueues them
//    all again; the consumer's ledger sends each subscription one email per summary however often they come.
import type { CouncilBandChangedV1, SummaryEmailDueV1 } from '../../events/dfe-digest.ts';
import { COUNCILS, REGIONS } from '../domain/councils.ts';
import { wantsSummary } from '../domain/dfe-subscriptions.ts';
import {
  assessMateriality,
  buildDfeSummary,
  changeSummaryId,
  type IndicatorObservation,
  isoWeekId,
  localDate,
  type SummaryTrigger,
} from '../domain/dfe-summary.ts';
import {
  archiveKey,
  FEED_ENTRIES,
  FEED_OBJECTS,
  renderAtom,
  renderCsv,
  renderJsonFeed,
} from '../domain/feeds.ts';
import { computeAll, type IndicatorSources, publishedSources } from '../domain/indicators/compute.ts';
import { countsOn, type IntelligenceCategory } from '../domain/intelligence.ts';
import type { IndicatorStore } from '../ports/indicators.ts';
import type { IntelligenceStore } from '../ports/intelligence.ts';
import type { RiskStore } from '../ports/risk.ts';
import type { SubscriptionStore } from '../ports/subscriptions.ts';
import type { StoredSummary, SummaryStore } from '../ports/summaries.ts';
import { valueLookups } from './indicator-values.ts';

export interface PublishDeps {
  readonly summaries: SummaryStore;
  readonly uploads: Pick<IndicatorStore, 'uploadedInRegion'>;
  readonly intelligence: Pick<IntelligenceStore, 'listForRegion'>;
  readonly subscriptions: Pick<SubscriptionStore, 'list'>;
  /** Writes one object to the data bucket. */
  readonly writeObject: (key: string, body: string, contentType: string) => Promise<void>;
  /** Sends the messages to DigestQueue. */
  readonly enqueueEmails: (messages: readonly SummaryEmailDueV1[]) => Promise<void>;
  /** The API's address, for links in the feeds. */
  readonly apiUrl?: string;
  readonly published?: Pick<IndicatorSources, 'published' | 'neighbours'>;
  readonly now: () => Date;
}

export type PublishOutcome =
  | {
      readonly kind: 'published' | 'republished';
      readonly summaryId: string;
      readonly trigger: SummaryTrigger;
      readonly emails: number;
    }
  | { readonly kind: 'not-material'; readonly reasons: readonly string[] }
  | { readonly kind: 'not-yet-stored'; readonly la: string; readonly assessmentVersion: number };

/** Each indicator value of every council, at the latest published periods and any later uploaded ones. */
async function indicatorObservations(deps: PublishDeps): Promise<IndicatorObservation[]> {
  const published = deps.published ?? publishedSources();
  const sets = (
    await Promise.all(Object.keys(REGIONS).map((region) => deps.uploads.uploadedInRegion(region)))
  ).flat();
  const sources: IndicatorSources = { ...published, ...valueLookups(sets) };
  const latest = published.published.latestPeriod;
  // The year before the latest too: some collections (the workforce census) are published a year behind.
  const periods = new Set([
    latest - 1,
    latest,
    ...sets.map((set) => set.period).filter((period) => period > latest),
  ]);
  return [...periods].flatMap((period) =>
    computeAll(period, sources).map((result) => ({
      indicator: result.indicator,
      period: result.period,
      value: result.value,
    })),
  );
}

/** Active intelligence items by category, England, on the summary's date. */
async function intelligenceCounts(
  deps: PublishDeps,
  asOf: string,
): Promise<Partial<Record<IntelligenceCategory, number>>> {
  const items = (
    await Promise.all(
      Object.keys(REGIONS).map((region) =>
        deps.intelligence.listForRegion(region, { includeWithdrawn: false }),
      ),
    )
  ).flat();
  const counts: Partial<Record<IntelligenceCategory, number>> = {};
  for (const item of items)
    if (countsOn(item, asOf)) counts[item.category] = (counts[item.category] ?? 0) + 1;
  return counts;
}

async function writeFeeds(deps: PublishDeps, stored: StoredSummary): Promise<void> {
  const recent = await deps.summaries.recent(FEED_ENTRIES);
  const options = deps.apiUrl ? { baseUrl: deps.apiUrl } : {};
  await deps.writeObject(
    archiveKey(stored.summary.summaryId),
    `${JSON.stringify(stored.summary, null, 2)}\n`,
    'application/json; charset=utf-8',
  );
  await Promise.all([
    deps.writeObject(FEED_OBJECTS.atom.key, renderAtom(recent, options), FEED_OBJECTS.atom.contentType),
    deps.writeObject(FEED_OBJECTS.json.key, renderJsonFeed(recent, options), FEED_OBJECTS.json.contentType),
    deps.writeObject(FEED_OBJECTS.csv.key, renderCsv(recent[0]), FEED_OBJECTS.csv.contentType),
  ]);
}

async function enqueueFor(deps: PublishDeps, stored: StoredSummary): Promise<number> {
  const { summary, materiality } = stored;
  const subscriptions = await deps.subscriptions.list();
  const messages: SummaryEmailDueV1[] = subscriptions
    .filter((subscription) => wantsSummary(subscription, summary.trigger, materiality.regions))
    .map((subscription) => ({
      type: 'SummaryEmailDue',
      version: 1,
      summaryId: summary.summaryId,
      subscriptionId: subscription.subscriptionId,
    }));
  if (messages.length > 0) await deps.enqueueEmails(messages);
  return messages.length;
}

async function publish(
  summaryId: string,
  trigger: SummaryTrigger,
  period: string,
  deps: PublishDeps,
  bandsAndLatest?: Awaited<ReturnType<typeof currentPicture>>,
): Promise<PublishOutcome> {
  let stored = await deps.summaries.get(summaryId);
  let kind: 'published' | 'republished' = 'republished';
  if (!stored) {
    const { bands, latest } = bandsAndLatest ?? (await currentPicture(deps));
    const now = deps.now();
    const [indicators, intelligence] = await Promise.all([
      indicatorObservations(deps),
      intelligenceCounts(deps, now.toISOString().slice(0, 10)),
    ]);
    const summary = buildDfeSummary({
      summaryId,
      trigger,
      period,
      generatedAt: now.toISOString(),
      bands,
      previous: latest ? { summaryId: latest.summary.summaryId, bands: latest.bands } : null,
      indicators,
      intelligence,
    });
    const candidate: StoredSummary = {
      summary,
      bands,
      materiality: assessMateriality(latest?.bands ?? null, bands),
    };
    if ((await deps.summaries.save(candidate)) === 'saved') {
      stored = candidate;
      kind = 'published';
    } else {
      // Another run saved it first: publish what it saved.
      stored = (await deps.summaries.get(summaryId))!;
    }
  }
  await writeFeeds(deps, stored);
  const emails = await enqueueFor(deps, stored);
  return { kind, summaryId, trigger, emails };
}

async function currentPicture(deps: Pick<PublishDeps, 'summaries'>) {
  const [bands, latest] = await Promise.all([
    deps.summaries.currentBands(COUNCILS.map((council) => council.la)),
    deps.summaries.latest(),
  ]);
  return { bands, latest };
}

/** The weekly summary: one per ISO week (Europe/London), however often the schedule fires in that week. */
export function publishWeeklySummary(deps: PublishDeps): Promise<PublishOutcome> {
  const week = isoWeekId(deps.now());
  return publish(week, 'weekly', week, deps);
}

export interface ChangeDeps extends PublishDeps {
  readonly risk: Pick<RiskStore, 'current'>;
}

/**
 * After a council's band changed: publishes a summary when the national picture changed materially since the
 * last summary (assessMateriality says how). A redelivered trigger finds the summary it made and finishes it.
 */
export async function publishOnChange(
  change: CouncilBandChangedV1,
  deps: ChangeDeps,
): Promise<PublishOutcome> {
  const summaryId = changeSummaryId(change.occurredAt);
  if (await deps.summaries.get(summaryId)) {
    return publish(summaryId, 'material-change', periodOf(change.occurredAt), deps);
  }
  // Recompute announces the change just before it stores the assessment; until then the change is not in the
  // bands, so the message waits (is retried) rather than being judged on the picture before it.
  const stored = await deps.risk.current(change.la);
  if ((stored?.version ?? 0) < change.assessmentVersion)
    return { kind: 'not-yet-stored', la: change.la, assessmentVersion: change.assessmentVersion };
  const picture = await currentPicture(deps);
  const materiality = assessMateriality(picture.latest?.bands ?? null, picture.bands);
  if (!materiality.material) return { kind: 'not-material', reasons: materiality.reasons };
  return publish(summaryId, 'material-change', periodOf(change.occurredAt), deps, picture);
}

/** A change summary covers its day, in Europe/London. */
function periodOf(occurredAt: string): string {
  const { year, month, day } = localDate(new Date(occurredAt), 'Europe/London');
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
