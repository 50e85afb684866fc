import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { settledMessageIds } from '../../../infra/local/sqs-poller.ts';

const records = ['a', 'b', 'c'].map((messageId) => ({ messageId }) as SQSRecord);

describe('partial batch responses', () => {
  it('deletes everything after a success without failures', () => {
    expect(settledMessageIds(records, { ok: true, result: { batchItemFailures: [] } }, true)).toEqual({
      delete: ['a', 'b', 'c'],
      retry: [],
    });
    expect(settledMessageIds(records, { ok: true, result: undefined }, true)).toEqual({
      delete: ['a', 'b', 'c'],
      retry: [],
    });
  });

  it('keeps only the reported failures', () => {
    const outcome = { ok: true as const, result: { batchItemFailures: [{ itemIdentifier: 'b' }] } };
    expect(settledMessageIds(records, outcome, true)).toEqual({ delete: ['a', 'c'], retry: ['b'] });
  });

  it('ignores batchItemFailures when the mapping does not report them, as Lambda does', () => {
    const outcome = { ok: true as const, result: { batchItemFailures: [{ itemIdentifier: 'b' }] } };
    expect(settledMessageIds(records, outcome, false)).toEqual({ delete: ['a', 'b', 'c'], retry: [] });
  });

  it('retries the whole batch when the function fails or names an unknown message', () => {
    const failed = settledMessageIds(
      records,
      { ok: false, error: { errorType: 'Error', errorMessage: 'boom' } },
      true,
    );
    expect(failed.delete).toEqual([]);
    expect(failed.retry).toEqual(['a', 'b', 'c']);
    const unknown = settledMessageIds(
      records,
      { ok: true, result: { batchItemFailures: [{ itemIdentifier: 'zzz' }] } },
      true,
    );
    expect(unknown.delete).toEqual([]);
    expect(unknown.note).toMatch(/whole batch/);
  });
});
