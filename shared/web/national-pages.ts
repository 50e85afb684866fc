// Web app: DfE's pages. The national summary is read from the JSON feed, the very figures the feeds carry
// after disclosure control, so the page can show nothing the feeds would not (and never a council's name);
// subscriptions are managed through the API's subscription routes.
import { REGIONS } from '../domain/councils.ts';
import type { DfeSummary } from '../domain/dfe-summary.ts';
import { summaryTitle } from '../domain/feeds.ts';
import { RISK_BANDS } from '../domain/risk/model.ts';
import type { ApiClient } from './api-client.ts';
import { type Figure, groupedBarChart, quartileChart } from './charts.ts';
import { escapeHtml } from './html.ts';
import type { Page } from './pages.ts';

type Cell = { text: string; format?: string } | { html: string; format?: string };
const text = (value: unknown): Cell => ({ text: String(value ?? '') });
const figure = (value: Figure): Cell => ({ text: showFigure(value), format: 'numeric' });

/** A number in English, or the disclosure symbol as published. */
export const showFigure = (value: Figure) =>
  typeof value === 'number' ? value.toLocaleString('en-GB') : value;

const withUnit = (unit: string) => (value: number) =>
  unit === 'percent'
    ? `${value.toLocaleString('en-GB')}%`
    : unit === 'per10k'
      ? `${value.toLocaleString('en-GB')} per 10,000`
      : value.toLocaleString('en-GB');

const MOVEMENT_WORDS = {
  escalated: 'to a higher band',
  deEscalated: 'to a lower band',
  unchanged: 'unchanged',
} as const;

interface FeedItem {
  id: string;
  title: string;
  date_published: string;
  content_text: string;
  _upstream?: { summary?: DfeSummary };
}

const refused = (message: string): Page => ({
  status: 403,
  title: 'You cannot see this page',
  template: 'error.njk',
  context: { message },
});

/** The latest national summary as charts with their tables; earlier ones in words. */
export function summaryContext(summary: DfeSummary) {
  const bandsTitle = 'Councils by risk band in each region';
  const movement = summary.movement;
  return {
    title: summaryTitle(summary),
    published: summary.generatedAt.slice(0, 10),
    councilsAssessed: showFigure(summary.councilsAssessed),
    england: summary.england.map((band) => ({
      band: band.band,
      councils: showFigure(band.councils),
      percent: showFigure(band.percent),
    })),
    bandsChart: groupedBarChart({
      title: `${bandsTitle}: each region's councils in the green, amber and red bands`,
      groups: summary.regions.map((region) => ({
        label: region.name,
        bars: RISK_BANDS.map((band) => ({ name: band, value: region.bands[band] })),
      })),
    }),
    bandsSummary: `England: ${summary.england.map((band) => `${showFigure(band.councils)} ${band.band}`).join(', ')} of ${showFigure(summary.councilsAssessed)} councils assessed.`,
    bandRows: [
      ...summary.regions.map((region) => [
        text(region.name),
        figure(region.councils),
        ...RISK_BANDS.map((band) => figure(region.bands[band])),
      ]),
      [
        { html: '<strong>England</strong>' },
        figure(summary.councilsAssessed),
        ...summary.england.map((band) => figure(band.councils)),
      ],
    ],
    movement: movement
      ? {
          chart: groupedBarChart({
            title:
              'Movement since the last summary in each region: councils that moved to a higher band, a lower band, or stayed',
            groups: movement.regions.map((region) => ({
              label: region.name,
              bars: (['escalated', 'deEscalated', 'unchanged'] as const).map((kind) => ({
                name: MOVEMENT_WORDS[kind],
                value: region.movement[kind],
              })),
            })),
          }),
          summary: `England: ${showFigure(movement.england.escalated)} moved to a higher band, ${showFigure(movement.england.deEscalated)} to a lower one, ${showFigure(movement.england.unchanged)} unchanged, ${showFigure(movement.england.newlyAssessed)} newly assessed.`,
          rows: [
            ...movement.regions.map((region) => [
              text(region.name),
              figure(region.movement.escalated),
              figure(region.movement.deEscalated),
              figure(region.movement.unchanged),
            ]),
            [
              { html: '<strong>England</strong>' },
              figure(movement.england.escalated),
              figure(movement.england.deEscalated),
              figure(movement.england.unchanged),
            ],
          ],
        }
      : undefined,
    indicators: summary.indicators.map((indicator) => {
      const format = withUnit(indicator.unit);
      const show = (value: Figure) => (typeof value === 'number' ? format(value) : value);
      return {
        name: indicator.name,
        period: indicator.period,
        chart: quartileChart({
          title: `${indicator.name}, ${indicator.period}: median and quartiles across ${showFigure(indicator.councils)} councils`,
          lowerQuartile: indicator.lowerQuartile,
          median: indicator.median,
          upperQuartile: indicator.upperQuartile,
          format,
        }),
        summary: `${indicator.period}: median ${show(indicator.median)}; half of the ${showFigure(indicator.councils)} councils with a value lie between ${show(indicator.lowerQuartile)} and ${show(indicator.upperQuartile)}.`,
      };
    }),
    indicatorRows: summary.indicators.map((indicator) => {
      const format = withUnit(indicator.unit);
      const show = (value: Figure) => (typeof value === 'number' ? format(value) : value);
      return [
        text(indicator.name),
        text(indicator.period),
        figure(indicator.councils),
        text(show(indicator.lowerQuartile)),
        text(show(indicator.median)),
        text(show(indicator.upperQuartile)),
      ];
    }),
    intelligenceRows: summary.intelligence.map((item) => [text(item.label), figure(item.items)]),
    notes: summary.notes,
  };
}

export async function nationalPage(api: ApiClient): Promise<Page> {
  const feed = await api.get<{ items: FeedItem[] }>('/feeds/dfe.json');
  if (!feed.ok && feed.status === 403) return refused(feed.message);
  const [latest, ...earlier] = feed.ok ? feed.body.items : [];
  const figures = latest?._upstream?.summary;
  return {
    status: 200,
    title: 'England',
    template: 'national.njk',
    context: {
      summariesProblem: feed.ok
        ? latest
          ? undefined
          : 'No summary has been published yet: the first comes on Monday at 07:00.'
        : feed.status === 404
          ? 'No summary has been published yet: the first comes on Monday at 07:00.'
          : feed.message,
      latest: figures ? summaryContext(figures) : undefined,
      earlier: earlier.slice(0, 5).map((item) => ({
        title: item.title,
        paragraphs: item.content_text.split(/\n+/).filter(Boolean),
      })),
      regions: Object.entries(REGIONS).map(([slug, name]) => ({ href: `/regions/${slug}`, text: name })),
    },
  };
}

// Subscriptions ----------------------------------------------------------------------------------------

interface SubscriptionView {
  subscriptionId: string;
  email: string;
  scope: string;
  cadence: string;
  status: string;
  description: string;
}

export interface SubscribeFormState {
  readonly values?: { email?: string; scope?: string; cadence?: string };
  readonly error?: string;
  /** What the service said it did: a confirmation sent, a subscription deleted. */
  readonly done?: string;
}

export async function subscriptionsPage(
  api: ApiClient,
  csrfToken: string,
  form: SubscribeFormState = {},
): Promise<Page> {
  const listed = await api.get<{ subscriptions: SubscriptionView[] }>('/subscriptions');
  if (!listed.ok && listed.status === 403) return refused(listed.message);
  const values = form.values ?? {};
  return {
    status: 200,
    title: 'Summary subscriptions',
    template: 'subscriptions.njk',
    context: {
      problem: listed.ok ? undefined : listed.message,
      form: {
        ...form,
        values,
        scopes: [
          { value: 'national', text: 'England' },
          ...Object.entries(REGIONS).map(([value, name]) => ({ value, text: name })),
        ].map((scope) => ({ ...scope, selected: scope.value === (values.scope ?? 'national') })),
        cadences: [
          { value: 'weekly', text: 'Every week' },
          { value: 'on-change', text: 'When the national picture changes materially' },
        ].map((cadence) => ({ ...cadence, checked: cadence.value === (values.cadence ?? 'weekly') })),
      },
      rows: listed.ok
        ? listed.body.subscriptions.map((subscription) => [
            text(subscription.email),
            text(subscription.description),
            text(subscription.status === 'pending' ? 'waiting for confirmation' : subscription.status),
            {
              html: `<form method="post" action="/england/subscriptions/${escapeHtml(encodeURIComponent(subscription.subscriptionId))}/delete" class="app-inline-form"><input type="hidden" name="_csrf" value="${escapeHtml(csrfToken)}"><button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Delete<span class="govuk-visually-hidden"> the subscription for ${escapeHtml(subscription.email)}, ${escapeHtml(subscription.description)}</span></button></form>`,
            },
          ])
        : [],
    },
  };
}
