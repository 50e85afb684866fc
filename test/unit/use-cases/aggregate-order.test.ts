// The in-memory aggregate store keeps corrections in the order they were declared, as DynamoAggregateStore does.
import { describe, expect, it } from 'vitest';
import type { ReturnAggregates } from '../../../shared/ports/aggregates.ts';
import { InMemoryAggregateStore } from '../../../shared/use-cases/indicator-in-memory.ts';

const declared = (submissionId: string, submittedAt: string, ingestedAt: string): ReturnAggregates => ({
  la: '886',
  returnType: 'ssda903',
  collectionYear: 2027,
  submissionId,
  ingestedAt,
  submittedAt,
  children: 10,
  indicators: {},
});

describe('in-memory aggregate store', () => {
  it('keeps the return declared last current when an earlier one is ingested after it', async () => {
    const store = new InMemoryAggregateStore();
    await store.saveReturnAggregates(
      declared('SUB-B', '2026-11-25T10:01:00.000Z', '2026-11-25T10:05:00.000Z'),
    );
    expect(
      await store.saveReturnAggregates(
        declared('SUB-A', '2026-11-25T10:00:00.000Z', '2026-11-25T10:06:00.000Z'),
      ),
    ).toEqual({});
    expect((await store.currentAggregates('886', 'ssda903', 2027))?.submissionId).toBe('SUB-B');
  });
});
