import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  CATEGORY_LABELS,
  countsOn,
  DEFAULT_EXPIRY_MONTHS,
  defaultExpiresOn,
  INTELLIGENCE_CATEGORIES,
  type IntelligenceItem,
  itemIdCouncil,
  MAX_EXPIRY_MONTHS,
  narrativeChange,
  signalLabel,
  toSignal,
} from '../../../shared/domain/intelligence.ts';

const item = (overrides: Partial<IntelligenceItem> = {}): IntelligenceItem => ({
  itemId: 'INT-886-20261123-0A1B2C3D4E',
  la: '886',
  category: 'leadership-change',
  severity: 'high',
  confidence: 'low',
  source: 'Regional DCS meeting',
  observedOn: '2026-11-01',
  narrative: 'The interim DCS leaves at Christmas; no permanent appointment yet.',
  expiresOn: '2027-11-01',
  expiryDefaulted: true,
  status: 'active',
  createdBy: 'adviser-se',
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedBy: 'adviser-se',
  updatedAt: '2026-11-23T10:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('intelligence expiry', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-11-30', 12, '2027-11-30'],
    ['2026-05-31', 18, '2027-11-30'],
  ])('%s plus %i months is %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('gives every category a default that is after the observation and within the maximum', () => {
    for (const category of INTELLIGENCE_CATEGORIES) {
      const expires = defaultExpiresOn(category, '2026-11-23');
      expect(expires > '2026-11-23', category).toBe(true);
      expect(expires <= addMonths('2026-11-23', MAX_EXPIRY_MONTHS), category).toBe(true);
      expect(DEFAULT_EXPIRY_MONTHS[category]).toBeGreaterThan(0);
      expect(CATEGORY_LABELS[category]).toMatch(/^[A-Z]/);
    }
    expect(defaultExpiresOn('serious-incident', '2026-11-23')).toBe('2028-05-23');
    expect(defaultExpiresOn('workforce-pressure', '2026-11-23')).toBe('2027-05-23');
  });
});

describe('whether an item counts', () => {
  it('counts from the day observed to its expiry day, inclusive', () => {
    expect(countsOn(item(), '2026-10-31')).toBe(false);
    expect(countsOn(item(), '2026-11-01')).toBe(true);
    expect(countsOn(item(), '2027-11-01')).toBe(true);
    expect(countsOn(item(), '2027-11-02')).toBe(false);
  });

  it('never counts once withdrawn', () => {
    expect(countsOn(item({ status: 'withdrawn' }), '2026-12-01')).toBe(false);
  });
});

describe('the signal the risk engine sees', () => {
  it('carries the ratings and dates, and nothing of the narrative or source', () => {
    const signal = toSignal(item());
    expect(Object.keys(signal).sort()).toEqual(
      ['category', 'confidence', 'expiresOn', 'itemId', 'la', 'label', 'observedOn', 'severity'].sort(),
    );
    expect(JSON.stringify(signal)).not.toContain('interim DCS');
    expect(JSON.stringify(signal)).not.toContain('Regional DCS meeting');
    expect(signal.label).toBe('Leadership change (high severity, low confidence)');
  });

  it('words a label for a person', () => {
    expect(signalLabel('ofsted-visit', 'medium', 'high')).toBe(
      'Ofsted focused or monitoring visit (medium severity, high confidence)',
    );
  });
});

describe('a narrative change in the audit', () => {
  it('records lengths and fingerprints, not the text', () => {
    const before = 'First account.';
    const after = 'A corrected, longer account.';
    const change = narrativeChange(before, after);
    expect(change).toEqual({
      field: 'narrative',
      summary: 'narrative changed (14 characters → 28 characters)',
      fromLength: 14,
      toLength: 28,
      fromSha256: createHash('sha256').update(before).digest('hex'),
      toSha256: createHash('sha256').update(after).digest('hex'),
    });
    expect(JSON.stringify(change)).not.toMatch(/account/);
  });

  it('says a new narrative was written', () => {
    expect(narrativeChange(null, 'x'.repeat(1234))).toMatchObject({
      summary: 'narrative written (1,234 characters)',
      fromLength: null,
      fromSha256: null,
    });
  });
});

describe('item ids', () => {
  it('name their council', () => {
    expect(itemIdCouncil('INT-886-20261123-0A1B2C3D4E')).toBe('886');
    expect(itemIdCouncil('INT-886-20261123-0a1b2c3d4e')).toBeUndefined();
    expect(itemIdCouncil('SUB-20261123-0A1B2C3D4E')).toBeUndefined();
  });
});
