// Domain: SSDA903 rule 178 — placement provider code. Catalogue fields: PLACE_PROVIDER (Episodes); last defined
// 2025/26. Every version also rejects a provider on a placement type that has none; 2025/26 changed that list
// (T4 and Z1 dropped, Z11–Z14 added).
import type { Rule } from '../model.ts';
import { PLACE_PROVIDER_CODES } from './code-lists.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';

const PROVIDERS = codeSet('PLACE_PROVIDER', PLACE_PROVIDER_CODES);

function providerCode(noProviderCodes: readonly string[]): Rule {
  const noProvider = codeSet('PLACE', noProviderCodes);
  return rowRule({
    code: '178',
    description: `The placement provider is not one of PR0 to PR5, or is given for a placement type that has no provider (${noProviderCodes.join(', ')}).`,
    table: 'Episodes',
    fields: ['PLACE_PROVIDER', 'PLACE'],
    flagField: 'PLACE_PROVIDER',
    fails: (row) => {
      const provider = row.values.PLACE_PROVIDER ?? '';
      if (provider === '') return false;
      return !PROVIDERS.has(provider) || noProvider.has(row.values.PLACE ?? '');
    },
  });
}

/** Placements with no provider up to 2024/25: temporary placements and "other placement" Z1. */
export const rule178Until2025: Rule = providerCode(['T0', 'T1', 'T2', 'T3', 'T4', 'Z1']);
/** From 2025/26 the list names T0–T3 and the new Z11–Z14. */
export const rule178: Rule = providerCode(['T0', 'T1', 'T2', 'T3', 'Z11', 'Z12', 'Z13', 'Z14']);
