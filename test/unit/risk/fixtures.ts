// Test helper: indicator results and intelligence signals built by hand, so each rule can be pinned.
import type { CouncilIndicatorResult } from '../../../shared/domain/indicators/compute.ts';
import type { IntelligenceSignal } from '../../../shared/domain/intelligence.ts';

export const LA = '886';

interface ResultOptions {
  readonly value?: number | null;
  readonly denominator?: number;
  readonly period?: number;
  readonly median?: number;
  readonly lowerQuartile?: number;
  readonly upperQuartile?: number;
  readonly funnel?: {
    readonly at95: 'above' | 'within' | 'below';
    readonly at998: 'above' | 'within' | 'below';
  };
  readonly belowMinimumDenominator?: boolean;
  readonly provenance?: 'published' | 'uploaded' | 'inyear';
}

/** A result whose national cut points put one robust SD at (upper − lower) / 1.349. */
export function result(indicator: string, options: ResultOptions = {}): CouncilIndicatorResult {
  const {
    value = 50,
    period = 2025,
    median = 50,
    lowerQuartile = median - 6.745,
    upperQuartile = median + 6.745,
    funnel,
    belowMinimumDenominator = false,
    provenance = 'published',
    denominator,
  } = options;
  return {
    la: LA,
    indicator,
    period,
    comparatorPeriod: period,
    councilExisted: true,
    value: value === null ? null : { provenance, value, denominator },
    candidates: {},
    publishedMissing: null,
    jointReturnWith: null,
    belowMinimumDenominator,
    england: median,
    region: median,
    statNeighbours: null,
    quartile: {
      band: null,
      cutPoints: { min: 0, lowerQuartile, median, upperQuartile, max: 100, count: 150 },
    },
    rank: { rank: 75, outOf: 150 },
    change: null,
    funnel: funnel
      ? {
          limits: {
            target: 0.5,
            denominator: denominator ?? 100,
            lower95: 0,
            upper95: 1,
            lower998: 0,
            upper998: 1,
          },
          position: { observed: value === null ? 0 : value / 100, ...funnel },
        }
      : null,
  };
}

/** One robust SD in `result`'s default cut points: (13.49 / 1.349) = 10 units. */
export const SD = 10;

export function signal(overrides: Partial<IntelligenceSignal> = {}): IntelligenceSignal {
  return {
    itemId: 'item-1',
    la: LA,
    category: 'serious-incident',
    severity: 'high',
    confidence: 'high',
    observedOn: '2025-06-01',
    expiresOn: '2026-06-01',
    label: 'Serious incident (high severity, high confidence)',
    ...overrides,
  };
}
