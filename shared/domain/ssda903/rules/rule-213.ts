// Domain: SSDA903 rule 213 — no provider for temporary (and, from 2025/26, Z11–Z14) placements. Catalogue
// fields: PLACE_PROVIDER (Episodes); last defined 2025/26.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { OTHER_PLACEMENTS_FROM_2026, TEMPORARY_PLACEMENTS } from './support.ts';

function providerNotRequired(placeCodes: readonly string[]): Rule {
  const places = codeSet('PLACE', placeCodes);
  return rowRule({
    code: '213',
    description: `A placement provider is given but is not needed for placement types ${placeCodes.join(', ')}.`,
    table: 'Episodes',
    fields: ['PLACE_PROVIDER', 'PLACE'],
    flagField: 'PLACE_PROVIDER',
    when: places,
    fails: (row) => (row.values.PLACE_PROVIDER ?? '') !== '' && places.has(row.values.PLACE ?? ''),
  });
}

export const rule213Until2025: Rule = providerNotRequired(TEMPORARY_PLACEMENTS);
export const rule213: Rule = providerNotRequired([...TEMPORARY_PLACEMENTS, ...OTHER_PLACEMENTS_FROM_2026]);
