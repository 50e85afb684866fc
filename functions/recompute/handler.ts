// Primary adapter: RecomputeQueue (FIFO, one group per council). ReturnIngested → recompute the council's
// indicators and benchmarks, send IndicatorsRecomputed, then reassess its risk; IntelligenceChanged →
// reassess its risk. A changed band goes to the region's advisers as RiskChanged on AlertQueue.
import { processPartialResponse, SqsFifoPartialProcessorAsync } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { dynamoDocumentClient, sqsClient } from '#adapters/aws-clients';
import { DynamoAggregateStore } from '#adapters/dynamo-aggregate-store';
import { DynamoIndicatorStore } from '#adapters/dynamo-indicator-store';
import { DynamoIntelligenceStore } from '#adapters/dynamo-intelligence-store';
import { DynamoRiskStore } from '#adapters/dynamo-risk-store';
import { recordHandler } from '#adapters/queue-consumer';
import { queuePublisher } from '#adapters/sqs-publisher';
import { loadEnv, nonEmpty } from '#config/env';
import { IntelligenceChangedV1Schema } from '#events/intelligence-changed';
import { RiskOverrideChangedV1Schema } from '#events/risk-override-changed';
import { RiskReviewDueV1Schema } from '#events/risk-review-due';
import { assessCouncilRisk, type RiskDeps } from '#use-cases/assess-council-risk';
import { readEvent } from '#use-cases/queue-messages';
import { type RecomputeDeps, recomputeIndicators } from '#use-cases/recompute-indicators';

const env = loadEnv({
  TABLE_NAME: nonEmpty,
  ALERT_QUEUE_URL: nonEmpty,
  DIGEST_QUEUE_URL: nonEmpty,
  RECOMPUTE_DEAD_LETTER_QUEUE_URL: nonEmpty,
});
const logger = new Logger();
// This Powertools version has no EventType for FIFO: its FIFO processor stops a message group at its first
// failure, so a council's later events never overtake an earlier one that failed.
const processor = new SqsFifoPartialProcessorAsync();

const sendToAlertQueue = queuePublisher(sqsClient, env.ALERT_QUEUE_URL);
const sendToDigestQueue = queuePublisher(sqsClient, env.DIGEST_QUEUE_URL);
const indicators = new DynamoIndicatorStore(dynamoDocumentClient(), env.TABLE_NAME);
const riskDeps: RiskDeps = {
  risk: new DynamoRiskStore(dynamoDocumentClient(), env.TABLE_NAME),
  intelligence: new DynamoIntelligenceStore(dynamoDocumentClient(), env.TABLE_NAME),
  uploads: indicators,
  inyear: new DynamoAggregateStore(dynamoDocumentClient(), env.TABLE_NAME),
  publishRiskChanged: sendToAlertQueue,
  publishBandChanged: sendToDigestQueue,
  now: () => new Date(),
};

async function reassessRisk(la: string, cause: { type: string; eventId: string }): Promise<void> {
  const outcome = await assessCouncilRisk(la, cause, riskDeps);
  if (outcome.kind === 'duplicate') {
    logger.info('Risk already reassessed for this event', {
      la,
      version: outcome.version,
      // An alert the stored assessment still owed (its first send failed or never happened), sent now.
      alertSent: outcome.alert !== null,
    });
    return;
  }
  const { stored, alert } = outcome;
  logger.info(alert ? 'Risk changed; advisers alerted' : 'Risk reassessed; no material change', {
    la,
    version: stored.version,
    band: stored.assessment.band,
    cause: cause.type,
  });
}

const deps: RecomputeDeps = {
  aggregates: new DynamoAggregateStore(dynamoDocumentClient(), env.TABLE_NAME),
  indicators,
  publishRecomputed: sendToAlertQueue,
  afterRecompute: (la, event) => reassessRisk(la, { type: event.type, eventId: event.eventId }),
  now: () => new Date(),
};

const RISK_ONLY_EVENTS = {
  IntelligenceChanged: IntelligenceChangedV1Schema,
  RiskOverrideChanged: RiskOverrideChangedV1Schema,
  RiskReviewDue: RiskReviewDueV1Schema,
} as const;

/** Intelligence changes, overrides and the daily review go straight to the risk reassessment; the rest are returns. */
function riskOnlyChange(body: string): { type: string; eventId: string; la: string } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return undefined; // recomputeIndicators says why it is not a message it can read.
  }
  const type = (raw as { type?: unknown })?.type;
  if (typeof type !== 'string' || !Object.hasOwn(RISK_ONLY_EVENTS, type)) return undefined;
  return readEvent(raw, RISK_ONLY_EVENTS[type as keyof typeof RISK_ONLY_EVENTS], `a ${type} v1 event`);
}

async function recompute(record: SQSRecord): Promise<void> {
  const change = riskOnlyChange(record.body);
  if (change) {
    await reassessRisk(change.la, { type: change.type, eventId: change.eventId });
    return;
  }
  const outcome = await recomputeIndicators(record.body, deps);
  if (outcome.kind === 'duplicate') {
    logger.info('Event already recomputed; nothing to do', {
      eventId: outcome.eventId,
      completedAt: outcome.completedAt,
    });
    return;
  }
  const { event } = outcome;
  logger.info('Indicators recomputed', {
    eventId: event.eventId,
    la: event.la,
    periods: event.periods,
    submissionId: event.submissionId,
    indicators: event.indicators.length,
    skipped: event.skipped,
  });
}

const handleRecord = recordHandler(recompute, {
  logger,
  // No retry can fix a poison message, and while it is retried the council's later events wait behind it
  // (FIFO): it goes to the dead-letter queue now, for a person, and the group moves on.
  setAsidePoison: queuePublisher(sqsClient, env.RECOMPUTE_DEAD_LETTER_QUEUE_URL),
});

export const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
  .use(injectLambdaContext(logger))
  .handler((event, context) =>
    // skipGroupOnError: one council's failure holds back only that council's later events.
    processPartialResponse(event, handleRecord, processor, { context, skipGroupOnError: true }),
  );
