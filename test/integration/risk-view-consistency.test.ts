// A council's risk page is read while the council is being reassessed: the current assessment and its history
// must come from the same moment, so the newest history entry is always the assessment shown as current.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRiskStore } from '../../shared/adapters/dynamo-risk-store.ts';
import { assessRisk } from '../../shared/domain/risk/assess.ts';
import type { StoredAssessment } from '../../shared/ports/risk.ts';
import { councilRiskView } from '../../shared/use-cases/risk-views.ts';
import { withSingleTable } from './helpers/emulators.ts';

const ADMIN = [{ kind: 'admin' }] as const;
const VERSIONS = 60;

const stored = (version: number): StoredAssessment => ({
  version,
  assessment: assessRisk({ la: '886', asOf: '2026-11-23', indicators: [] }),
  cause: { type: version === 1 ? 'Baseline' : 'IntelligenceChanged', eventId: `event-${version}` },
  assessedAt: new Date(Date.UTC(2026, 10, 23, 10, 0, version)).toISOString(),
});

describe('a council’s risk view read during reassessments, on DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof withSingleTable>>;
  let risk: DynamoRiskStore;
  beforeAll(async () => {
    table = await withSingleTable();
    risk = new DynamoRiskStore(table.documents, table.tableName);
  });
  afterAll(() => table.stop());

  it('always shows the current assessment at the head of its history, with every earlier version', async () => {
    let saving = true;
    const views: { version: number; history: number[] }[] = [];
    const reader = (async () => {
      while (saving) {
        const view = await councilRiskView('886', ADMIN, { risk });
        if (!view.ok) continue; // not assessed yet
        const body = view.body as { version: number; history: { version: number }[] };
        views.push({ version: body.version, history: body.history.map((entry) => entry.version) });
      }
    })();
    for (let version = 1; version <= VERSIONS; version += 1) {
      expect(await risk.save('886', stored(version))).toBe('saved');
    }
    saving = false;
    await reader;

    // The page was read many times while the versions were being saved.
    expect(views.length).toBeGreaterThan(10);
    const torn = views.filter(
      ({ version, history }) =>
        history[0] !== version ||
        history.some((entry, index) => entry !== version - index) ||
        history.length !== Math.min(version, 20),
    );
    expect(torn, `${torn.length} of ${views.length} views mixed two moments`).toEqual([]);
  });
});
