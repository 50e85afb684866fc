// Domain: SSDA903 rule 392c — postcodes written as UK postcodes. Catalogue fields: HOME_POST PL_POST (Episodes).
//
// DfE checks each postcode against the ONS postcode directory, which cannot ship with the product; this checks
// the shape only: an outward code (A9, A99, AA9, AA99, A9A or AA9A), an optional space, and an inward code (9AA).
// A postcode of the right shape that does not exist is not caught.
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, val } from './support.ts';

const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

export const rule392c: Rule = {
  code: '392c',
  description: 'The home or placement postcode is not written as a UK postcode (for example SW1A 1AA).',
  tables: ['Episodes'],
  fields: ['HOME_POST', 'PL_POST'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'Episodes')) {
      for (const field of ['HOME_POST', 'PL_POST']) {
        const postcode = val(row, field);
        if (postcode !== '' && !UK_POSTCODE.test(postcode)) findings.push(finding('392c', child, row, field));
      }
    }
    return findings;
  },
};
