import { describe, expect, it } from 'vitest';
import { RiskChangedV1Schema } from '../../../events/risk-changed.ts';
import type { IntelligenceSignal } from '../../../shared/domain/intelligence.ts';
import type { InYearMonth } from '../../../shared/domain/inyear/months.ts';
import type { AdviserOverride } from '../../../shared/domain/risk/assess.ts';
import type { RiskStore, StoredAssessment } from '../../../shared/ports/risk.ts';
import { assessCouncilRisk, type RiskDeps } from '../../../shared/use-cases/assess-council-risk.ts';
import {
  InMemoryAggregateStore,
  InMemoryIndicatorStore,
} from '../../../shared/use-cases/indicator-in-memory.ts';

/** Versions kept as the Dynamo adapter keeps them: a save conflicts unless it is the next version. */
class MemoryRiskStore implements RiskStore {
  readonly versions = new Map<string, StoredAssessment[]>();
  conflictsToInject = 0;
  overrides = new Map<string, AdviserOverride & { setAt: string }>();
  async override(la: string) {
    return this.overrides.get(la);
  }
  async setOverride(la: string, override: (AdviserOverride & { setAt: string }) | null) {
    if (override) this.overrides.set(la, override);
    else this.overrides.delete(la);
  }
  async current(la: string) {
    return this.versions.get(la)?.at(-1);
  }
  async history(la: string, limit: number) {
    return [...(this.versions.get(la) ?? [])]
      .reverse()
      .slice(0, limit)
      .map(({ alertPending: _current, ...assessed }) => assessed);
  }
  async alertSent(la: string, version: number) {
    const list = this.versions.get(la) ?? [];
    const last = list.at(-1);
    if (last?.version === version) list[list.length - 1] = { ...last, alertPending: undefined };
  }
  async save(la: string, stored: StoredAssessment) {
    const list = this.versions.get(la) ?? [];
    if (this.conflictsToInject > 0) {
      this.conflictsToInject -= 1;
      // Another recompute got there first with the same version.
      list.push({ ...stored, cause: { type: 'Concurrent', eventId: 'other' } });
      this.versions.set(la, list);
      return 'conflict' as const;
    }
    if (stored.version !== list.length + 1) return 'conflict' as const;
    list.push(stored);
    this.versions.set(la, list);
    return 'saved' as const;
  }
}

const serious: IntelligenceSignal = {
  itemId: 'INT-886-20261123-0123456789',
  la: '886',
  category: 'serious-incident',
  severity: 'critical',
  confidence: 'high',
  observedOn: '2026-11-20',
  expiresOn: '2028-05-20',
  label: 'Serious incident or practice review (critical severity, high confidence)',
};

const financialDistress: IntelligenceSignal = {
  ...serious,
  itemId: 'INT-886-20261123-9876543210',
  category: 'financial-distress',
  label: 'Financial distress (critical severity, high confidence)',
};

function setup(signals: IntelligenceSignal[] = []) {
  const risk = new MemoryRiskStore();
  const sent: { body: string; groupId: string; deduplicationId: string }[] = [];
  const bandChanges: string[] = [];
  let failSends = 0;
  const deps: RiskDeps = {
    risk,
    intelligence: { activeSignals: async (la) => signals.filter((signal) => signal.la === la) },
    uploads: new InMemoryIndicatorStore(),
    inyear: new InMemoryAggregateStore(),
    publishRiskChanged: async (message) => {
      if (failSends > 0) {
        failSends -= 1;
        throw new Error('queue unavailable');
      }
      sent.push(message);
    },
    publishBandChanged: async ({ body }) => {
      bandChanges.push(body);
    },
    now: () => new Date('2026-11-23T09:00:00.000Z'),
  };
  return { risk, sent, bandChanges, deps, failNextSend: () => (failSends += 1) };
}

describe('reassessing a council’s risk', () => {
  it('starts from a data-only baseline, so being assessed for the first time alerts nobody', async () => {
    const { risk, sent, deps } = setup();
    const outcome = await assessCouncilRisk('886', { type: 'ReturnIngested', eventId: 'SUB-1' }, deps);
    expect(outcome).toMatchObject({ kind: 'assessed', alert: null, stored: { version: 2 } });
    expect((await risk.history('886', 5)).map((entry) => entry.cause.type)).toEqual([
      'ReturnIngested',
      'Baseline',
    ]);
    expect(sent).toEqual([]);
  });

  it('alerts the region once when serious intelligence raises the band, naming the item', async () => {
    const { sent, bandChanges, deps } = setup([serious]);
    const outcome = await assessCouncilRisk(
      '886',
      { type: 'IntelligenceChanged', eventId: `${serious.itemId}#1` },
      deps,
    );
    if (outcome.kind !== 'assessed') throw new Error('expected an assessment');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ groupId: 'south-east', deduplicationId: '886#2' });
    const event = RiskChangedV1Schema.parse(JSON.parse(sent[0]!.body));
    expect(event.to).not.toBe(event.from);
    expect(event.topDrivers.map((driver) => driver.text).join(' ')).toContain('Serious incident');
    expect(outcome.stored.assessment.drivers).toContainEqual(
      expect.objectContaining({ kind: 'intelligence', key: serious.itemId }),
    );
    // The band moved, so DfE's summary is checked for the same change.
    expect(bandChanges.map((body) => JSON.parse(body))).toEqual([
      expect.objectContaining({
        type: 'CouncilBandChanged',
        la: '886',
        eventId: event.eventId,
        to: event.to,
      }),
    ]);
  });

  it('does nothing for a redelivered event whose alert went out', async () => {
    const { risk, sent, bandChanges, deps } = setup([serious]);
    const cause = { type: 'IntelligenceChanged', eventId: `${serious.itemId}#1` };
    await assessCouncilRisk('886', cause, deps);
    expect(await risk.current('886')).toMatchObject({ version: 2, alertPending: undefined });
    expect(await assessCouncilRisk('886', cause, deps)).toEqual({
      kind: 'duplicate',
      version: 2,
      alert: null,
    });
    expect(sent).toHaveLength(1);
    expect(bandChanges).toHaveLength(1);
    expect(await risk.history('886', 10)).toHaveLength(2);
  });

  it('stores the assessment before it alerts; when the send fails, the retry sends that assessment’s alert', async () => {
    const signals: IntelligenceSignal[] = [];
    const { sent, deps, risk, failNextSend } = setup(signals);
    await assessCouncilRisk('886', { type: 'ReturnIngested', eventId: 'SUB-1' }, deps);
    const cause = { type: 'IntelligenceChanged', eventId: `${serious.itemId}#1` };
    signals.push(serious);
    failNextSend();
    await expect(assessCouncilRisk('886', cause, deps)).rejects.toThrow('queue unavailable');
    const stored = await risk.current('886');
    expect(stored).toMatchObject({ version: 3, cause, alertPending: true });

    // Before the retry, more intelligence arrives: the retry must not reassess under the stored version's id
    // (a different alert the queue would drop as a copy), but send the alert of the change it stored.
    signals.push(financialDistress);
    expect(await assessCouncilRisk('886', cause, deps)).toMatchObject({ kind: 'duplicate', version: 3 });
    expect(sent).toHaveLength(1);
    const event = RiskChangedV1Schema.parse(JSON.parse(sent[0]!.body));
    expect(event).toMatchObject({
      eventId: '886#3',
      to: stored!.assessment.band,
      occurredAt: stored!.assessedAt,
      cause,
    });
    expect(event.topDrivers.map((driver) => driver.text).join(' ')).not.toContain('Financial distress');
    expect(await risk.current('886')).toMatchObject({ version: 3, alertPending: undefined });
  });

  it('sends an alert its event gave up on before the council’s next assessment, so the alerts chain on', async () => {
    const signals: IntelligenceSignal[] = [];
    const { sent, deps, risk, failNextSend } = setup(signals);
    await assessCouncilRisk('886', { type: 'ReturnIngested', eventId: 'SUB-1' }, deps);
    signals.push(serious);
    failNextSend();
    const given = { type: 'IntelligenceChanged', eventId: `${serious.itemId}#1` };
    await expect(assessCouncilRisk('886', given, deps)).rejects.toThrow('queue unavailable');
    const owed = (await risk.current('886'))!;

    // That event went to the dead-letter queue; the council's next one comes.
    signals.push(financialDistress);
    const next = { type: 'IntelligenceChanged', eventId: `${financialDistress.itemId}#1` };
    const outcome = await assessCouncilRisk('886', next, deps);
    const events = sent.map((message) => RiskChangedV1Schema.parse(JSON.parse(message.body)));
    expect(events[0]).toMatchObject({ eventId: '886#3', cause: given, to: owed.assessment.band });
    if (outcome.kind !== 'assessed') throw new Error('expected an assessment');
    expect(outcome.stored.version).toBe(4);
    // The next assessment starts where the owed alert ended (a new red driver, the band as it was).
    expect(events.map((event) => [event.eventId, event.from, event.to])).toEqual([
      ['886#3', 'green', 'amber'],
      ['886#4', 'amber', 'amber'],
    ]);
    expect(events[1]!.newRedDrivers.join(' ')).toContain('Financial distress');
  });

  it('stores nothing and sends nothing when the assessment cannot be stored; the retry does both', async () => {
    const { sent, deps, risk } = setup([serious]);
    const cause = { type: 'IntelligenceChanged', eventId: `${serious.itemId}#1` };
    const failingSave: RiskStore = {
      override: risk.override.bind(risk),
      setOverride: risk.setOverride.bind(risk),
      current: risk.current.bind(risk),
      history: risk.history.bind(risk),
      alertSent: risk.alertSent.bind(risk),
      save: async () => {
        throw new Error('table unavailable');
      },
    };
    await expect(assessCouncilRisk('886', cause, { ...deps, risk: failingSave })).rejects.toThrow(
      'table unavailable',
    );
    expect(sent).toEqual([]);
    await assessCouncilRisk('886', cause, deps);
    expect(sent.map((message) => message.deduplicationId)).toEqual(['886#2']);
    expect((await risk.current('886'))?.cause).toEqual(cause);
  });

  it('reassesses from the newer assessment when a concurrent recompute took the version', async () => {
    const { risk, deps } = setup();
    await assessCouncilRisk('886', { type: 'ReturnIngested', eventId: 'SUB-1' }, deps);
    risk.conflictsToInject = 1;
    const outcome = await assessCouncilRisk('886', { type: 'ReturnIngested', eventId: 'SUB-2' }, deps);
    expect(outcome).toMatchObject({ kind: 'assessed', stored: { version: 4 } });
    expect((await risk.history('886', 10)).map((entry) => entry.version)).toEqual([4, 3, 2, 1]);
  });

  it('applies an adviser’s override until it expires, and says so', async () => {
    const { risk, deps } = setup();
    await risk.setOverride('886', {
      band: 'red',
      reason: 'The new director has not yet started and two team managers have left.',
      expiresOn: '2026-12-31',
      by: 'south-east-adviser',
      setAt: '2026-11-23T08:00:00.000Z',
    });
    const outcome = await assessCouncilRisk(
      '886',
      { type: 'RiskOverrideChanged', eventId: '886#override#1' },
      deps,
    );
    if (outcome.kind !== 'assessed') throw new Error('expected an assessment');
    expect(outcome.stored.assessment.band).toBe('red');
    expect(outcome.stored.assessment.override).toMatchObject({ applied: true, by: 'south-east-adviser' });
    expect(outcome.alert).toMatchObject({
      to: 'red',
      override: {
        band: 'red',
        by: 'south-east-adviser',
        reason: 'The new director has not yet started and two team managers have left.',
        expiresOn: '2026-12-31',
        modelBand: outcome.stored.assessment.modelBand,
      },
    });
    const later = await assessCouncilRisk(
      '886',
      { type: 'ReturnIngested', eventId: 'SUB-9' },
      { ...deps, now: () => new Date('2027-01-02T09:00:00.000Z') },
    );
    if (later.kind !== 'assessed') throw new Error('expected an assessment');
    expect(later.stored.assessment.override?.applied).toBe(false);
    expect(later.alert?.override).toBeUndefined();
  });

  it('refuses a council that does not exist', async () => {
    await expect(assessCouncilRisk('999', { type: 'x', eventId: 'y' }, setup().deps)).rejects.toThrow(/999/);
  });

  it('reads the council’s in-year months across the turn of the collection year and says why now', async () => {
    // Assessments within 45 days: steady around 80% from April 2024, then falling from April 2025.
    const within = [80, 82, 79, 81, 80, 83, 78, 81, 80, 82, 79, 81, 84, 80, 76, 72, 68, 64];
    const months: InYearMonth[] = within.map((value, index) => ({
      month: new Date(Date.UTC(2024, 3 + index, 1)).toISOString().slice(0, 7),
      figures: { assessments_completed: 100, assessments_within_45_days: value },
      submissionId: index < 12 ? 'IY-2025' : 'IY-2026',
      receivedAt: '2025-10-01T00:00:00.000Z',
      revision: 1,
    }));
    const inyear = new InMemoryAggregateStore();
    for (const [collectionYear, submissionId] of [
      [2025, 'IY-2025'],
      [2026, 'IY-2026'],
    ] as const) {
      await inyear.saveReturnAggregates({
        la: '886',
        returnType: 'inyear',
        collectionYear,
        submissionId,
        ingestedAt: '2025-10-01T00:00:00.000Z',
        children: 0,
        indicators: {},
        months: months.filter((month) => month.submissionId === submissionId),
      });
    }
    const { deps } = setup();
    const outcome = await assessCouncilRisk(
      '886',
      { type: 'ReturnIngested', eventId: 'IY-2026' },
      { ...deps, inyear, now: () => new Date('2025-10-15T09:00:00.000Z') },
    );
    if (outcome.kind !== 'assessed') throw new Error('expected an assessment');
    const why = outcome.stored.assessment.drivers.filter((driver) => driver.kind === 'inyear');
    expect(why).toHaveLength(1);
    expect(why[0]!.text).toContain('fell for 5 months running since April 2025');
  });
});
