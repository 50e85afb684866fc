// Domain: SSDA903 rule 526 — placement provider missing. Catalogue fields: PLACE PLACE_PROVIDER (Episodes);
// last defined 2025/26, when Z11–Z14 replaced Z1 among the placements that have no provider.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { OTHER_PLACEMENTS_FROM_2026, TEMPORARY_PLACEMENTS } from './support.ts';

function providerRequired(exemptCodes: readonly string[]): Rule {
  const exempt = codeSet('PLACE', exemptCodes);
  return rowRule({
    code: '526',
    description: `The placement provider is blank; it is needed for every placement type except ${exemptCodes.join(', ')}.`,
    table: 'Episodes',
    fields: ['PLACE', 'PLACE_PROVIDER'],
    flagField: 'PLACE_PROVIDER',
    fails: (row) =>
      (row.values.PLACE_PROVIDER ?? '') === '' &&
      (row.values.PLACE ?? '') !== '' &&
      !exempt.has(row.values.PLACE ?? ''),
  });
}

export const rule526Until2025: Rule = providerRequired([...TEMPORARY_PLACEMENTS, 'Z1']);
export const rule526: Rule = providerRequired([...TEMPORARY_PLACEMENTS, ...OTHER_PLACEMENTS_FROM_2026]);
