// Unit: the adviser alert email — plain and HTML parts, drivers in words, intelligence without narratives.
import { describe, expect, it } from 'vitest';
import type { RiskChangedV1 } from '../../../events/risk-changed.ts';
import {
  type AlertEmailInput,
  renderAlertEmail,
  renderDigestEmail,
} from '../../../shared/domain/alert-email.ts';
import { findCouncil } from '../../../shared/domain/councils.ts';
import type { IntelligenceItem } from '../../../shared/domain/intelligence.ts';
import { councilUrl, intelligenceSince } from '../../../shared/use-cases/notify-advisers.ts';

const KENT = findCouncil('886')!;
const MEDWAY = findCouncil('887')!;

function riskChanged(overrides: Partial<RiskChangedV1> = {}): RiskChangedV1 {
  return {
    type: 'RiskChanged',
    version: 1,
    eventId: '886#7',
    occurredAt: '2026-11-20T09:30:00.000Z',
    la: '886',
    region: 'south-east',
    assessmentVersion: 7,
    modelVersion: 'risk-1',
    asOf: '2026-11-20',
    from: 'amber',
    to: 'red',
    bandChanged: true,
    topDrivers: [
      {
        kind: 'intelligence',
        text: 'Serious incident or practice review (critical severity, high confidence)',
        red: true,
      },
      {
        kind: 'indicator',
        text: 'Assessments within 45 working days: 71.2%, in the bottom quartile',
        red: false,
      },
    ],
    newRedDrivers: ['Serious incident or practice review (critical severity, high confidence)'],
    cause: { type: 'IntelligenceChanged', eventId: 'INT-886-20261120-0000000001#1' },
    ...overrides,
  };
}

function item(overrides: Partial<IntelligenceItem>): IntelligenceItem {
  return {
    itemId: 'INT-886-20261118-00000000A1',
    la: '886',
    category: 'serious-incident',
    severity: 'critical',
    confidence: 'high',
    source: 'Call with the director of children’s services',
    observedOn: '2026-11-18',
    narrative: 'Rapid review found missed strategy discussions for a named family.',
    expiresOn: '2028-11-18',
    expiryDefaulted: true,
    status: 'active',
    createdBy: 'adviser-1',
    createdAt: '2026-11-18T10:00:00.000Z',
    updatedBy: 'adviser-1',
    updatedAt: '2026-11-18T10:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const ITEMS = [
  item({}),
  item({
    itemId: 'INT-886-20261001-00000000B2',
    category: 'workforce-pressure',
    severity: 'high',
    observedOn: '2026-10-01',
    narrative: 'Agency staff leaving the front door team in numbers.',
    updatedAt: '2026-10-02T08:00:00.000Z',
  }),
  item({
    itemId: 'INT-886-20261119-00000000C3',
    category: 'financial-distress',
    narrative: 'Withdrawn: this was about another council.',
    status: 'withdrawn',
    updatedAt: '2026-11-19T08:00:00.000Z',
  }),
  item({
    itemId: 'INT-886-20261121-00000000D4',
    category: 'leadership-change',
    narrative: 'Recorded after the alert was raised.',
    observedOn: '2026-11-21',
    updatedAt: '2026-11-21T08:00:00.000Z',
  }),
];

function input(event = riskChanged(), since = '2026-11-01T00:00:00.000Z'): AlertEmailInput {
  return {
    event,
    council: event.la === '887' ? MEDWAY : KENT,
    regionName: 'South East',
    intelligence: intelligenceSince(ITEMS, event, since),
    since,
    councilUrl: councilUrl('https://upstream.example.gov.uk/', event.la),
  };
}

describe('renderAlertEmail', () => {
  it('says which council moved from which band to which, with the drivers in words and a link', () => {
    const email = renderAlertEmail(input());

    expect(email.subject).toBe('Risk alert: Kent moved from Amber to Red');
    const lines = email.text.split('\n');
    expect(lines).toContain('Kent (886), South East');
    expect(lines).toContain('Risk band: Amber → Red');
    expect(lines).toContain('Assessed as at 20 November 2026');
    expect(lines).toContain(
      '  - Serious incident or practice review (critical severity, high confidence) (red)',
    );
    expect(lines).toContain('  - Assessments within 45 working days: 71.2%, in the bottom quartile');
    expect(lines).toContain('Council page: https://upstream.example.gov.uk/councils/886');
    expect(email.html).toContain('<a href="https://upstream.example.gov.uk/councils/886">');
    expect(email.html).toContain('Amber → Red');
    expect(email.html).toContain(
      '<li>Assessments within 45 working days: 71.2%, in the bottom quartile</li>',
    );
  });

  it('says when the band was set by an adviser: who, why and until when, in the text and the HTML', () => {
    const email = renderAlertEmail(
      input(
        riskChanged({
          from: 'green',
          to: 'red',
          override: {
            band: 'red',
            by: 'Priya Shah',
            reason: 'Leadership collapse after the DCS left; the returns lag',
            expiresOn: '2027-01-31',
            modelBand: 'green',
          },
        }),
      ),
    );
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Priya Shah');
      expect(part).toContain('Leadership collapse after the DCS left; the returns lag');
      expect(part).toContain('31 January 2027');
      expect(part).toMatch(/the model says green/i);
    }
    expect(email.text).toMatch(/set by an adviser/i);
    expect(renderAlertEmail(input()).text).not.toMatch(/set by an adviser/i);
  });

  it('lists only intelligence recorded since the last alert and by this one, by category, severity and date', () => {
    const email = renderAlertEmail(input());

    expect(email.text).toContain('Intelligence since the last alert (1 November 2026):');
    expect(email.text).toContain(
      '  - Serious incident or practice review: critical severity, observed 18 November 2026',
    );
    // Before the last alert, withdrawn, or recorded after this alert: none of them belongs in this email.
    expect(email.text).not.toMatch(/Workforce pressure|Financial distress|Leadership change/);
    // Without a previous alert, whatever counts on the assessment date is listed instead.
    const first = renderAlertEmail({
      ...input(),
      intelligence: intelligenceSince(ITEMS, riskChanged(), undefined),
    });
    expect(first.text).toContain('Workforce pressure: high severity, observed 1 October 2026');
    expect(first.text).not.toMatch(/Financial distress|Leadership change/);
  });

  it('never carries a narrative or a source, in either part', () => {
    const emails = [
      renderAlertEmail(input()),
      renderAlertEmail({ ...input(), intelligence: intelligenceSince(ITEMS, riskChanged(), undefined) }),
    ];
    for (const email of emails) {
      for (const secret of [...ITEMS.map((entry) => entry.narrative), ITEMS[0]!.source]) {
        expect(email.text).not.toContain(secret);
        expect(email.html).not.toContain(secret);
      }
    }
  });

  it('reads in a plain mail client: the text part has no markup, the HTML part escapes every value', () => {
    expect(renderAlertEmail(input()).text).not.toMatch(/<[a-z/!]|&[a-z]+;/i);

    const hostile = riskChanged({
      topDrivers: [{ kind: 'indicator', text: 'Re-referrals <b>31%</b> & rising', red: false }],
    });
    const email = renderAlertEmail(input(hostile));
    // Plain text shows a value exactly as it is; HTML shows it as text, never as markup.
    expect(email.text).toContain('  - Re-referrals <b>31%</b> & rising');
    expect(email.html).toContain('<li>Re-referrals &lt;b&gt;31%&lt;/b&gt; &amp; rising</li>');
    expect(email.html).not.toContain('<b>31%</b>');
    expect(email.html.startsWith('<!doctype html>')).toBe(true);
  });

  it('words a first assessment and a new red driver without a band change', () => {
    expect(renderAlertEmail(input(riskChanged({ from: null }))).subject).toBe(
      'Risk alert: Kent assessed as Red',
    );
    const sameBand = renderAlertEmail(input(riskChanged({ from: 'red', bandChanged: false })));
    expect(sameBand.subject).toBe('Risk alert: Kent has a new red driver (Red)');
    expect(sameBand.text).toContain('New red drivers:');
  });
});

describe('renderDigestEmail', () => {
  it('combines several alerts into one email, in the order given, each with its own drivers and link', () => {
    const medway = riskChanged({
      eventId: '887#3',
      la: '887',
      occurredAt: '2026-11-20T11:00:00.000Z',
      from: 'green',
      to: 'amber',
      topDrivers: [
        { kind: 'indicator', text: 'Social worker turnover: 24.0%, in the bottom quartile', red: false },
      ],
      newRedDrivers: [],
    });
    const digest = renderDigestEmail([input(), input(medway)]);

    expect(digest.subject).toBe('Risk alerts: 2 changes (Kent, Medway)');
    expect(digest.text.startsWith('2 risk alerts since your last email:')).toBe(true);
    const kentAt = digest.text.indexOf('1. Risk alert: Kent moved from Amber to Red');
    const medwayAt = digest.text.indexOf('2. Risk alert: Medway moved from Green to Amber');
    expect(kentAt).toBeGreaterThan(0);
    expect(medwayAt).toBeGreaterThan(kentAt);
    expect(digest.text).toContain('Social worker turnover: 24.0%, in the bottom quartile');
    expect(digest.text).toContain('https://upstream.example.gov.uk/councils/887');
    expect(digest.html).toContain('https://upstream.example.gov.uk/councils/886');
    expect(digest.html).toContain('Medway (887), South East');
  });

  it('a digest of one alert is that alert’s own email', () => {
    expect(renderDigestEmail([input()])).toEqual(renderAlertEmail(input()));
  });
});
