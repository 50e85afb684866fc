import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { assessRisk } from '../../shared/domain/risk/assess.ts';
import type { StoredAssessment } from '../../shared/ports/risk.ts';
import { withSingleTable } from './helpers/emulators.ts';

const stored = (version: number, eventId: string): StoredAssessment => ({
  version,
  assessment: assessRisk({ la: '886', asOf: '2026-11-23', indicators: [] }),
  cause: { type: 'ReturnIngested', eventId },
  assessedAt: `2026-11-23T10:00:0${version}.000Z`,
});

describe('risk store on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let store: DynamoRiskStore;
  beforeAll(async () => {
    table = await withSingleTable();
    store = new DynamoRiskStore(table.documents, table.tableName);
  });
  afterAll(() => table.stop());

  it('keeps each version and the current one', async () => {
    expect(await store.current('886')).toBeUndefined();
    expect(await store.save('886', stored(1, 'a'))).toBe('saved');
    expect(await store.save('886', stored(2, 'b'))).toBe('saved');
    expect((await store.current('886'))?.cause.eventId).toBe('b');
    expect((await store.history('886', 10)).map((entry) => entry.version)).toEqual([2, 1]);
    expect((await store.current('886'))?.assessment.band).toBe(stored(2, 'b').assessment.band);
  });

  it('lets only one of two concurrent writers take a version, and never skips one', async () => {
    const results = await Promise.all([store.save('886', stored(3, 'c')), store.save('886', stored(3, 'd'))]);
    expect(results.sort()).toEqual(['conflict', 'saved']);
    expect(await store.save('886', stored(5, 'e'))).toBe('conflict');
    expect((await store.history('886', 10)).map((entry) => entry.version)).toEqual([3, 2, 1]);
  });

  it('marks the current assessment as owing its alert until told it was sent, and only while it is current', async () => {
    await store.save('909', stored(1, 'a'));
    expect(await store.save('909', { ...stored(2, 'b'), alertPending: true })).toBe('saved');
    expect(await store.current('909')).toMatchObject({ version: 2, alertPending: true });
    // The history is what was assessed; owing an alert is the current assessment's state alone.
    expect((await store.history('909', 1))[0]).not.toHaveProperty('alertPending');
    await store.alertSent('909', 2);
    expect(await store.current('909')).not.toHaveProperty('alertPending');

    expect(await store.save('909', { ...stored(3, 'c'), alertPending: true })).toBe('saved');
    await store.alertSent('909', 2); // a late confirmation for an older version changes nothing
    expect(await store.current('909')).toMatchObject({ version: 3, alertPending: true });
  });

  it('keeps councils apart', async () => {
    expect(await store.current('302')).toBeUndefined();
    expect(await store.save('302', stored(1, 'x'))).toBe('saved');
    expect(await store.history('886', 1)).toHaveLength(1);
  });
});
