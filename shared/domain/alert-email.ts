// Domain: the risk alert email to regional advisers. Pure rendering: a subject, a plain-text part that reads
// well in any mail client, and an HTML part in which every value is escaped. Intelligence is shown by its
// category, severity and date only: narratives never go into email.
import type { RiskChangedV1 } from '../../events/risk-changed.ts';
import type { Council } from './councils.ts';
import type { RiskBand } from './risk/model.ts';

export interface IntelligenceSummary {
  /** The category's label, e.g. "Workforce pressure". */
  readonly category: string;
  readonly severity: string;
  /** yyyy-mm-dd */
  readonly observedOn: string;
}

export interface AlertEmailInput {
  readonly event: RiskChangedV1;
  readonly council: Council;
  readonly regionName: string;
  /** Recorded or amended since the council's previous alert, newest first. */
  readonly intelligence: readonly IntelligenceSummary[];
  /** The previous alert's time, when there was one. */
  readonly since?: string;
  readonly councilUrl: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const BAND_WORDS: Readonly<Record<RiskBand, string>> = { green: 'Green', amber: 'Amber', red: 'Red' };

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** "12 November 2026" from yyyy-mm-dd or a timestamp, always in UK time. */
export function ukDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(date);
}

function bandMovement(event: RiskChangedV1): string {
  const to = BAND_WORDS[event.to];
  if (event.from === null) return `${to} (first assessment)`;
  if (!event.bandChanged) return `${to} (unchanged), with a new red driver`;
  return `${BAND_WORDS[event.from]} → ${to}`;
}

function alertSubject(event: RiskChangedV1, council: Council): string {
  const to = BAND_WORDS[event.to];
  if (event.from === null) return `Risk alert: ${council.name} assessed as ${to}`;
  if (!event.bandChanged) return `Risk alert: ${council.name} has a new red driver (${to})`;
  return `Risk alert: ${council.name} moved from ${BAND_WORDS[event.from]} to ${to}`;
}

function driverLine(driver: RiskChangedV1['topDrivers'][number]): string {
  return driver.red ? `${driver.text} (red)` : driver.text;
}

/** Why the band is what it is when an adviser set it: who, why, until when, and what the model says. */
function overrideLine(event: RiskChangedV1): string | null {
  const { override } = event;
  if (!override) return null;
  return `Band set by an adviser's override: ${BAND_WORDS[override.band]} by ${override.by} until ${ukDate(override.expiresOn)}, because "${override.reason}" (the model says ${BAND_WORDS[override.modelBand]}).`;
}

function intelligenceLine(item: IntelligenceSummary): string {
  return `${item.category}: ${item.severity} severity, observed ${ukDate(item.observedOn)}`;
}

function intelligenceHeading(input: AlertEmailInput): string {
  return input.since
    ? `Intelligence since the last alert (${ukDate(input.since)})`
    : 'Intelligence on record';
}

/** The body of one alert, as plain-text lines; shared by single alerts and digests. */
function alertTextLines(input: AlertEmailInput): string[] {
  const { event, council } = input;
  const lines = [
    `${council.name} (${council.la}), ${input.regionName}`,
    `Risk band: ${bandMovement(event)}`,
    ...(overrideLine(event) ? [overrideLine(event)!] : []),
    `Assessed as at ${ukDate(event.asOf)}`,
    '',
    'Top drivers:',
    ...(event.topDrivers.length > 0
      ? event.topDrivers.map((d) => `  - ${driverLine(d)}`)
      : ['  - none recorded']),
  ];
  if (event.newRedDrivers.length > 0) {
    lines.push('', 'New red drivers:', ...event.newRedDrivers.map((text) => `  - ${text}`));
  }
  lines.push(
    '',
    `${intelligenceHeading(input)}:`,
    ...(input.intelligence.length > 0
      ? input.intelligence.map((item) => `  - ${intelligenceLine(item)}`)
      : ['  - none']),
    '',
    `Council page: ${input.councilUrl}`,
  );
  return lines;
}

function list(items: readonly string[], empty: string): string {
  if (items.length === 0) return `<p>${escapeHtml(empty)}</p>`;
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function alertHtml(input: AlertEmailInput): string {
  const { event, council } = input;
  const parts = [
    `<h2 style="margin:0 0 8px">${escapeHtml(council.name)} (${escapeHtml(council.la)}), ${escapeHtml(input.regionName)}</h2>`,
    `<p><strong>Risk band:</strong> ${escapeHtml(bandMovement(event))}<br>Assessed as at ${escapeHtml(ukDate(event.asOf))}</p>`,
    ...(overrideLine(event) ? [`<p><strong>${escapeHtml(overrideLine(event)!)}</strong></p>`] : []),
    '<h3>Top drivers</h3>',
    list(event.topDrivers.map(driverLine), 'None recorded.'),
  ];
  if (event.newRedDrivers.length > 0) parts.push('<h3>New red drivers</h3>', list(event.newRedDrivers, ''));
  parts.push(
    `<h3>${escapeHtml(intelligenceHeading(input))}</h3>`,
    list(input.intelligence.map(intelligenceLine), 'None.'),
    `<p><a href="${escapeHtml(input.councilUrl)}">Open ${escapeHtml(council.name)}’s page</a></p>`,
  );
  return parts.join('\n');
}

const FOOTER =
  'You receive this because you are listed as an adviser for this region in the Upstream directory. ' +
  'It is for regional advisers only: do not forward it to DfE or the council.';

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.4;color:#0b0c0c">',
    body,
    `<hr><p style="font-size:13px;color:#505a5f">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('\n');
}

export function renderAlertEmail(input: AlertEmailInput): RenderedEmail {
  const subject = alertSubject(input.event, input.council);
  const text = [...alertTextLines(input), '', '--', FOOTER, ''].join('\n');
  return { subject, text, html: page(subject, alertHtml(input)) };
}

/** Several alerts for one adviser in one email, oldest first. */
export function renderDigestEmail(inputs: readonly AlertEmailInput[]): RenderedEmail {
  if (inputs.length === 1) return renderAlertEmail(inputs[0]!);
  const subject = `Risk alerts: ${inputs.length} changes (${[...new Set(inputs.map((i) => i.council.name))].join(', ')})`;
  const text = [
    `${inputs.length} risk alerts since your last email:`,
    ...inputs.flatMap((input, index) => [
      '',
      `${index + 1}. ${alertSubject(input.event, input.council)}`,
      ...alertTextLines(input),
    ]),
    '',
    '--',
    FOOTER,
    '',
  ].join('\n');
  const html = page(
    subject,
    [
      `<p>${inputs.length} risk alerts since your last email.</p>`,
      ...inputs.map((input) => `<hr>${alertHtml(input)}`),
    ].join('\n'),
  );
  return { subject, text, html };
}
