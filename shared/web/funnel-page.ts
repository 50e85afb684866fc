// Web app: a proportion indicator for one council against every council, as a funnel plot with its
// control limits, a summary in words and the figures as a table.
import { findCouncil } from '../domain/councils.ts';
import { funnelContours, funnelLimits, funnelPosition } from '../domain/indicators/benchmarks.ts';
import { findIndicator } from '../domain/indicators/register.ts';
import type { ApiClient } from './api-client.ts';
import { funnelPlot } from './charts.ts';
import { escapeHtml } from './html.ts';
import type { Page } from './pages.ts';

interface Across {
  indicator: { code: string; name: string; definition: string };
  period: number;
  councils: {
    la: string;
    name: string;
    funnel: {
      limits: { target: number; denominator: number };
      position: { observed: number; at95: string; at998: string };
    } | null;
  }[];
}

const percent = (value: number) =>
  `${(value * 100).toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;

const SIDE_WORDS: Record<string, string> = {
  above: 'above the limits',
  below: 'below the limits',
  within: 'within the limits',
};

/** Where a council sits, in words: the 99.8% limits first, as the stronger signal. */
export function funnelSummary(
  councilName: string,
  observed: number,
  denominator: number,
  target: number,
  at95: string,
  at998: string,
): string {
  const where =
    at998 !== 'within'
      ? `outside the 99.8% limits (${at998} them): very unlikely to be chance alone`
      : at95 !== 'within'
        ? `outside the 95% limits (${at95} them) but within the 99.8% limits: worth a look, though 1 council in 20 lands there by chance`
        : 'within the 95% limits: no different from England beyond what chance explains';
  return `${councilName}: ${percent(observed)} of ${denominator.toLocaleString('en-GB')}, against England's ${percent(target)}; ${where}.`;
}

export async function funnelPage(api: ApiClient, la: string, code: string): Promise<Page> {
  const council = findCouncil(la);
  const indicator = findIndicator(code);
  const missing = (message: string): Page => ({
    status: 404,
    title: 'Page not found',
    template: 'error.njk',
    context: { message },
  });
  if (!council) return missing(`There is no council with number "${la}".`);
  if (!indicator?.funnelEligible) return missing('A funnel plot is drawn only for proportions of children.');
  const across = await api.get<Across>(`/indicators/${encodeURIComponent(code)}`);
  if (!across.ok) {
    return {
      status: across.status,
      title: indicator.name,
      template: 'error.njk',
      context: { message: across.message },
    };
  }
  const placed = across.body.councils.flatMap((entry) =>
    entry.funnel
      ? [
          {
            la: entry.la,
            name: entry.name,
            denominator: entry.funnel.limits.denominator,
            proportion: entry.funnel.position.observed,
            target: entry.funnel.limits.target,
          },
        ]
      : [],
  );
  const own = placed.find((entry) => entry.la === la);
  const base = {
    status: 200,
    title: `${indicator.name}: ${council.name} against all councils`,
    template: 'funnel.njk',
  };
  if (!own) {
    return {
      ...base,
      context: {
        council,
        indicator: { ...indicator, period: across.body.period },
        problem: `${council.name} has no count for this indicator in ${across.body.period}, so it cannot be placed on the funnel.`,
      },
    };
  }
  const target = own.target;
  const denominators = placed.map((entry) => entry.denominator);
  const limits = funnelLimits(target, own.denominator)!;
  const position = funnelPosition(own.proportion, limits);
  const others = placed.filter((entry) => entry.la !== la);
  return {
    ...base,
    context: {
      council,
      indicator: { ...indicator, period: across.body.period },
      chart: funnelPlot({
        title: `${indicator.name}, ${across.body.period}: ${council.name} and ${others.length} other councils by denominator, with England's proportion and its 95% and 99.8% control limits`,
        councilName: council.name,
        council: own,
        others,
        target,
        contours: funnelContours(target, Math.min(...denominators), Math.max(...denominators)),
      }),
      summary: funnelSummary(
        council.name,
        own.proportion,
        own.denominator,
        target,
        position.at95,
        position.at998,
      ),
      limitRows: [
        [{ text: 'England (the target)' }, { text: percent(target), format: 'numeric' }],
        [
          { text: `95% limits at ${own.denominator.toLocaleString('en-GB')}` },
          { text: `${percent(limits.lower95)} to ${percent(limits.upper95)}`, format: 'numeric' },
        ],
        [
          { text: `99.8% limits at ${own.denominator.toLocaleString('en-GB')}` },
          { text: `${percent(limits.lower998)} to ${percent(limits.upper998)}`, format: 'numeric' },
        ],
        [{ text: council.name }, { text: percent(own.proportion), format: 'numeric' }],
      ],
      rows: [...placed]
        .sort((a, b) => a.denominator - b.denominator || a.name.localeCompare(b.name))
        .map((entry) => {
          const at = funnelPosition(entry.proportion, funnelLimits(target, entry.denominator)!);
          return [
            entry.la === la ? { html: `<strong>${escapeHtml(entry.name)}</strong>` } : { text: entry.name },
            { text: entry.denominator.toLocaleString('en-GB'), format: 'numeric' },
            { text: percent(entry.proportion), format: 'numeric' },
            {
              text:
                at.at998 !== 'within'
                  ? `outside 99.8% (${at.at998})`
                  : at.at95 !== 'within'
                    ? `outside 95% (${at.at95})`
                    : SIDE_WORDS.within!,
            },
          ];
        }),
    },
  };
}
