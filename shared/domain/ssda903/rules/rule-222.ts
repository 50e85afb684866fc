// Domain: SSDA903 rule 222 — no Ofsted URN for placements Ofsted does not register. Catalogue fields: URN
// (Episodes); last defined 2025/26 (Z11–Z14 added).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { OTHER_PLACEMENTS_FROM_2026, TEMPORARY_PLACEMENTS } from './support.ts';

/** Placement types with no Ofsted-registered provider; "XXXXXXX" is DfE's placeholder and is accepted. */
const NOT_OFSTED_REGISTERED = ['P1', 'P3', 'R1', 'R2', 'R5', ...TEMPORARY_PLACEMENTS, 'Z1'];
const PLACEHOLDER = 'XXXXXXX';

function urnNotExpected(placeCodes: readonly string[]): Rule {
  const places = codeSet('PLACE', placeCodes);
  return rowRule({
    code: '222',
    description: 'An Ofsted URN is given for a placement type that has no Ofsted-registered provider.',
    table: 'Episodes',
    fields: ['URN', 'PLACE'],
    flagField: 'URN',
    when: places,
    fails: (row) => {
      const urn = row.values.URN ?? '';
      return urn !== '' && urn !== PLACEHOLDER && places.has(row.values.PLACE ?? '');
    },
  });
}

export const rule222Until2025: Rule = urnNotExpected(NOT_OFSTED_REGISTERED);
/** From 2025/26 Z11–Z14 replace Z1. */
export const rule222: Rule = urnNotExpected([
  ...NOT_OFSTED_REGISTERED.filter((place) => place !== 'Z1'),
  ...OTHER_PLACEMENTS_FROM_2026,
]);
