import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COUNCILS, findCouncil, REGIONS } from '../../../shared/domain/councils.ts';

const sharedData = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'reference',
  'sources',
);

describe('council reference', () => {
  it('holds every council Ofsted inspects, once, each in one of the 9 regions', () => {
    const ofsted = readFileSync(path.join(sharedData, 'ofsted_la_inspections_as_at_31mar2025.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(COUNCILS).toHaveLength(ofsted.length);
    expect(new Set(COUNCILS.map((council) => council.la)).size).toBe(COUNCILS.length);
    expect(Object.keys(REGIONS)).toHaveLength(9);
    for (const council of COUNCILS) expect(Object.keys(REGIONS)).toContain(council.region);
  });

  it('uses current codes for councils whose codes changed', () => {
    expect(findCouncil('370')).toMatchObject({ name: 'Barnsley', ons: 'E08000038' });
    expect(findCouncil('373')).toMatchObject({ name: 'Sheffield', ons: 'E08000039' });
    expect(findCouncil('886')).toMatchObject({ name: 'Kent', region: 'south-east' });
    expect(findCouncil('928')).toBeUndefined(); // Northamptonshire, abolished 2021
  });
});
