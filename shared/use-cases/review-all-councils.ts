// Use case: the daily risk review. Every council is queued for reassessment, one RiskReviewDue each, so a
// band follows time as well as events (intelligence decays, overrides end, dwell runs out) and councils that
// have sent no return yet still have a band from the published figures. The day is the deduplication key:
// a schedule that fires twice in a day queues each council once.
import { type RiskReviewDueV1, riskReviewDueMessage } from '../../events/risk-review-due.ts';
import { COUNCILS } from '../domain/councils.ts';

export interface QueuedMessage {
  readonly body: string;
  readonly groupId: string;
  readonly deduplicationId: string;
}

export interface ReviewDeps {
  /** Sends up to ten messages; resolves with the ids of those that failed. */
  readonly sendBatch: (messages: readonly QueuedMessage[]) => Promise<readonly string[]>;
  readonly now: () => Date;
}

const BATCH = 10;

export async function reviewAllCouncils(deps: ReviewDeps): Promise<{ queued: number; day: string }> {
  const now = deps.now();
  const day = now.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  const messages = COUNCILS.map((council) =>
    riskReviewDueMessage({
      type: 'RiskReviewDue',
      version: 1,
      eventId: `${council.la}#review#${day}`,
      occurredAt: now.toISOString(),
      la: council.la,
    } satisfies RiskReviewDueV1),
  );
  const failed: string[] = [];
  for (let start = 0; start < messages.length; start += BATCH) {
    failed.push(...(await deps.sendBatch(messages.slice(start, start + BATCH))));
  }
  // The whole review is retried by the scheduler; councils already queued today are deduplicated by SQS.
  if (failed.length > 0)
    throw new Error(`Could not queue the review for ${failed.length} councils: ${failed.join(', ')}`);
  return { queued: messages.length, day };
}
