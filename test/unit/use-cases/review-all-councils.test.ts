import { describe, expect, it } from 'vitest';
import { RiskReviewDueV1Schema } from '../../../events/risk-review-due.ts';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import { type QueuedMessage, reviewAllCouncils } from '../../../shared/use-cases/review-all-councils.ts';

function recorder(failing: readonly string[] = []) {
  const batches: QueuedMessage[][] = [];
  return {
    batches,
    sendBatch: async (messages: readonly QueuedMessage[]) => {
      batches.push([...messages]);
      return messages
        .filter((message) => failing.includes(message.groupId))
        .map((message) => message.groupId);
    },
  };
}

describe('the daily risk review', () => {
  it('queues every council once, in batches SQS accepts, keyed by the day in London', async () => {
    const sent = recorder();
    // 23:30 UTC on 31 March is already 1 April in London (British Summer Time).
    const result = await reviewAllCouncils({
      sendBatch: sent.sendBatch,
      now: () => new Date('2027-03-31T23:30:00Z'),
    });
    expect(result).toEqual({ queued: COUNCILS.length, day: '2027-04-01' });
    expect(sent.batches.every((batch) => batch.length >= 1 && batch.length <= 10)).toBe(true);
    const messages = sent.batches.flat();
    expect(messages.map((message) => message.groupId).sort()).toEqual(
      COUNCILS.map((council) => council.la).sort(),
    );
    for (const message of messages) {
      const event = RiskReviewDueV1Schema.parse(JSON.parse(message.body));
      expect(message.deduplicationId).toBe(`${event.la}#review#2027-04-01`);
      expect(event.eventId).toBe(message.deduplicationId);
    }
  });

  it('gives the same deduplication ids when the schedule fires twice in a day', async () => {
    const first = recorder();
    const second = recorder();
    await reviewAllCouncils({ sendBatch: first.sendBatch, now: () => new Date('2026-11-23T06:00:00Z') });
    await reviewAllCouncils({ sendBatch: second.sendBatch, now: () => new Date('2026-11-23T18:45:00Z') });
    const ids = (batches: QueuedMessage[][]) => batches.flat().map((message) => message.deduplicationId);
    expect(ids(second.batches)).toEqual(ids(first.batches));
  });

  it('fails naming the councils it could not queue, after trying them all', async () => {
    const sent = recorder(['886', '202']);
    await expect(reviewAllCouncils({ sendBatch: sent.sendBatch, now: () => new Date() })).rejects.toThrow(
      /2 councils: .*(886.*202|202.*886)/,
    );
    expect(sent.batches.flat()).toHaveLength(COUNCILS.length);
  });
});
