// The DfE summary's charts and the funnel plot: titled, labelled in words, honest about withheld figures.
import { describe, expect, it } from 'vitest';
import { funnelContours } from '../../../shared/domain/indicators/benchmarks.ts';
import { funnelPlot, groupedBarChart, quartileChart } from '../../../shared/web/charts.ts';
import { funnelSummary } from '../../../shared/web/funnel-page.ts';

describe('grouped bar chart', () => {
  const svg = groupedBarChart({
    title: 'Bands & regions',
    groups: [
      {
        label: 'North East',
        bars: [
          { name: 'green', value: 8 },
          { name: 'amber', value: 'c' },
          { name: 'red', value: 0 },
        ],
      },
      {
        label: 'London',
        bars: [
          { name: 'green', value: 20 },
          { name: 'amber', value: 10 },
          { name: 'red', value: 3 },
        ],
      },
    ],
  });

  it('names every bar with its figure, and draws no bar for a withheld one', () => {
    expect(svg).toContain('>Bands &amp; regions</title>');
    expect(svg).toContain('>amber c (withheld)</text>');
    expect(svg).toContain('>green 20</text>');
    expect(svg.match(/<rect /g)).toHaveLength(5);
  });

  it('draws bars in proportion to their figures', () => {
    const widths = [...svg.matchAll(/<rect [^>]*? width="([\d.]+)"/g)].map((match) => Number(match[1]));
    // green 8, red 0, green 20, amber 10, red 3, in drawing order.
    expect(widths[2]! / widths[0]!).toBeCloseTo(20 / 8, 1);
    expect(widths[1]).toBe(0);
  });
});

describe('quartile chart', () => {
  it('marks the median between the quartiles, and draws nothing when a quartile is withheld', () => {
    const svg = quartileChart({
      title: 'Re-referrals',
      lowerQuartile: 18,
      median: 21.5,
      upperQuartile: 25,
      format: (v) => `${v}%`,
    });
    const box = /<rect x="([\d.]+)" y="24" width="([\d.]+)"/.exec(svg)!;
    const median = Number(/<line x1="([\d.]+)" x2="[\d.]+" y1="20"/.exec(svg)![1]);
    expect(median).toBeGreaterThan(Number(box[1]));
    expect(median).toBeLessThan(Number(box[1]) + Number(box[2]));
    expect(svg).toContain('median 21.5%');
    expect(
      quartileChart({ title: 'x', lowerQuartile: 'c', median: 2, upperQuartile: 3, format: String }),
    ).toBe('');
  });
});

describe('funnel plot', () => {
  const others = [
    { denominator: 100, proportion: 0.25 },
    { denominator: 900, proportion: 0.19 },
    { denominator: 2500, proportion: 0.21 },
  ];
  const svg = funnelPlot({
    title: 'Re-referrals: Kent against all councils',
    councilName: 'Kent <CC>',
    council: { denominator: 1600, proportion: 0.3 },
    others,
    target: 0.2,
    contours: funnelContours(0.2, 100, 2500),
  });

  it('draws the four limit lines, England, every council and the council named', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="funnel-[0-9a-f]+"/);
    expect(svg.match(/<path d="M[^"]*" fill="none" stroke="#1d70b8"/g)).toHaveLength(4);
    expect(svg.match(/stroke-dasharray="5 4"/g)).toHaveLength(2);
    expect(svg).toContain('>95% limits</text>');
    expect(svg).toContain('>99.8% limits</text>');
    expect(svg).toContain('>England 20%</text>');
    expect(svg.match(/<circle /g)).toHaveLength(others.length);
    expect(svg).toContain('>Kent &lt;CC&gt;</text>');
  });

  it('puts a council with a higher proportion higher on the chart', () => {
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => Number(m[2]));
    // 0.25 is drawn above 0.19 (smaller y).
    expect(circles[0]).toBeLessThan(circles[1]!);
  });

  it('draws nothing without limits to draw', () => {
    expect(
      funnelPlot({
        title: 't',
        councilName: 'K',
        council: { denominator: 1, proportion: 0 },
        others: [],
        target: 0.2,
        contours: [],
      }),
    ).toBe('');
  });

  it('says in words where the council stands, the 99.8% limits first', () => {
    expect(funnelSummary('Kent', 0.3, 1600, 0.2, 'above', 'above')).toBe(
      "Kent: 30.0% of 1,600, against England's 20.0%; outside the 99.8% limits (above them): very unlikely to be chance alone.",
    );
    expect(funnelSummary('Kent', 0.22, 1600, 0.2, 'above', 'within')).toMatch(
      /outside the 95% limits \(above them\) but within the 99\.8%/,
    );
    expect(funnelSummary('Kent', 0.2, 1600, 0.2, 'within', 'within')).toMatch(/within the 95% limits/);
  });
});
