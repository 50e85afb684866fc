// Domain: SSDA903 rule 345 — in touch, so activity and accommodation are known. Catalogue fields:
// IN_TOUCH ACTIV ACCOM (OC3).
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, val } from './support.ts';

export const rule345: Rule = {
  code: '345',
  description:
    'The council is in touch with the young person (YES) but activity or accommodation is recorded as 0.',
  tables: ['OC3'],
  fields: ['IN_TOUCH', 'ACTIV', 'ACCOM'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'OC3')) {
      if ((row.values.IN_TOUCH ?? '') !== 'YES') continue;
      for (const field of ['ACTIV', 'ACCOM']) {
        if (val(row, field) === '0') findings.push(finding('345', child, row, field));
      }
    }
    return findings;
  },
};
