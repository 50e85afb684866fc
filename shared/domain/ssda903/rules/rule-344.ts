// Domain: SSDA903 rule 344 — no activity or accommodation for a care leaver who died or returned home.
// Catalogue fields: IN_TOUCH ACTIV ACCOM (OC3).
import type { Finding, Rule } from '../model.ts';
import { finding, rowsOf, val } from './support.ts';

export const rule344: Rule = {
  code: '344',
  description:
    'The young person died (DIED) or returned home for six months or more (RHOM), so activity and accommodation should be 0.',
  tables: ['OC3'],
  fields: ['IN_TOUCH', 'ACTIV', 'ACCOM'],
  check(child) {
    const findings: Finding[] = [];
    for (const row of rowsOf(child, 'OC3')) {
      if (!['DIED', 'RHOM'].includes(row.values.IN_TOUCH ?? '')) continue;
      for (const field of ['ACTIV', 'ACCOM']) {
        if (!['', '0'].includes(val(row, field))) findings.push(finding('344', child, row, field));
      }
    }
    return findings;
  },
};
