import { describe, expect, it } from 'vitest';
import { lineChart, scoreHistoryChart, sparkline } from '../../../shared/web/charts.ts';

describe('charts', () => {
  const series = [
    {
      name: 'Kent',
      emphasis: true,
      points: [
        { x: 2023, y: 50 },
        { x: 2024, y: null },
        { x: 2025, y: 58 },
      ],
    },
    {
      name: 'England',
      points: [
        { x: 2023, y: 70 },
        { x: 2024, y: 71 },
        { x: 2025, y: 69 },
      ],
    },
    {
      name: 'Region <SE>',
      points: [
        { x: 2023, y: 60 },
        { x: 2024, y: 61 },
        { x: 2025, y: 62 },
      ],
    },
  ];

  it('draws a titled SVG whose lines differ by dash pattern and are labelled by name, not by colour alone', () => {
    const svg = lineChart({ title: 'Children in need & more', series, format: (v) => `${v}` });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="(chart-[0-9a-f]+)"/);
    expect(svg).toContain('>Children in need &amp; more</title>');
    const dashes = [
      ...svg.matchAll(
        /<path d="M[^"]*" fill="none" stroke="[^"]+" stroke-width="[\d.]+"( stroke-dasharray="([^"]+)")?/g,
      ),
    ].map((match) => match[2] ?? 'solid');
    expect(new Set(dashes).size).toBe(3);
    for (const name of ['Kent', 'England', 'Region &lt;SE&gt;']) expect(svg).toContain(`>${name}</text>`);
    // A missing year breaks the council's line instead of drawing through it.
    const kent = /<path d="(M[^"]*)"/.exec(svg)![1]!;
    expect(kent.match(/M/g)).toHaveLength(2);
  });

  it('draws nothing for a series without figures', () => {
    expect(lineChart({ title: 'Empty', series: [{ name: 'Kent', points: [] }], format: String })).toBe('');
  });

  it('labels a sparkline in words and shades the score history by named rating bands', () => {
    expect(sparkline([0.2, 0.5, 0.9], 'Score from 0.20 to 0.90')).toContain(
      'aria-label="Score from 0.20 to 0.90"',
    );
    expect(sparkline([0.2], 'one point')).toBe('');
    const history = scoreHistoryChart({
      title: 'Data score',
      points: [
        { label: '2026-11-01', score: 0.4 },
        { label: '2026-12-01', score: 1.8 },
      ],
      thresholds: { elevated: 0.7, high: 1.6 },
    });
    for (const band of ['typical', 'elevated', 'high']) expect(history).toContain(`>${band}</text>`);
  });
});
