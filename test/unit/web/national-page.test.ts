// DfE's national page shows the summary's own published cells: a withheld count stays withheld in the
// chart and the table, and no council is named anywhere in what the page is given.
import { describe, expect, it } from 'vitest';
import { COUNCILS } from '../../../shared/domain/councils.ts';
import { buildDfeSummary } from '../../../shared/domain/dfe-summary.ts';
import { summaryContext } from '../../../shared/web/national-pages.ts';

const bands = Object.fromEntries(
  COUNCILS.map((council, index) => [
    council.la,
    index % 17 === 0 ? 'red' : index % 5 === 0 ? 'amber' : 'green',
  ]),
) as Record<string, 'green' | 'amber' | 'red'>;

const summary = buildDfeSummary({
  summaryId: '2026-W49',
  trigger: 'weekly',
  period: '2026-W49',
  generatedAt: '2026-12-07T07:00:00.000Z',
  bands,
  previous: { summaryId: '2026-W48', bands: { ...bands, [COUNCILS[1]!.la]: 'red' } },
  indicators: [],
  intelligence: {},
});

describe('national page', () => {
  const context = summaryContext(summary);
  const everything = JSON.stringify(context);

  it('names no council, in any chart, table or sentence', () => {
    const named = COUNCILS.filter((council) =>
      new RegExp(`\\b${council.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(everything),
    );
    expect(named.map((council) => council.name)).toEqual([]);
  });

  it('keeps a suppressed regional count suppressed: "c" in the table, no bar in the chart', () => {
    const suppressed = summary.regions.flatMap((region) =>
      (['green', 'amber', 'red'] as const)
        .filter((band) => region.bands[band] === 'c')
        .map((band) => ({ region, band })),
    );
    expect(suppressed.length).toBeGreaterThan(0);
    const { region, band } = suppressed[0]!;
    const row = context.bandRows.find((cells) => 'text' in cells[0]! && cells[0].text === region.name)!;
    expect(row[2 + ['green', 'amber', 'red'].indexOf(band)]).toEqual({ text: 'c', format: 'numeric' });
    expect(context.bandsChart).toContain(`>${band} c (withheld)</text>`);
  });

  it('describes movement since the last summary, with England’s row last', () => {
    expect(context.movement?.summary).toMatch(/^England: \S+ moved to a higher band/);
    expect(context.movement?.rows.at(-1)?.[0]).toEqual({ html: '<strong>England</strong>' });
  });
});
