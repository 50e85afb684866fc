// The generated CIN census of a small council still uses enough different disability codes (query 2887Q).
import { describe, expect, it } from 'vitest';
import { generateReturn } from '../../../shared/domain/generate/index.ts';
import { loadNationalBaseline } from '../../../shared/domain/indicators/reference-data.ts';

describe('a generated CIN census', () => {
  it.each([1, 6, 9])('for the City of London (seed %i) uses at least 8 disability codes', (seed) => {
    const [census] = generateReturn(
      { returnType: 'cin', collectionYear: 2024, la: '201', seed },
      loadNationalBaseline(),
    );
    const codes = new Set([...census!.content.matchAll(/<Disability>(\w+)<\/Disability>/g)].map((m) => m[1]));
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });
});
