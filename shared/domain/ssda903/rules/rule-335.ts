// Domain: SSDA903 rule 335 — adoption by the foster carer agrees with the placement. Catalogue fields: PLACE
// (Episodes), FOSTER_CARE (AD1). An episode that ended in adoption (E1, E11, E12) was with the child's foster
// carer when its placement is A3 or A5, and with other adopters when A4 or A6 (A1 and A2 are older codes the
// rule's text still names).
import type { Finding, Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { finding, rowsOf } from './support.ts';

const ADOPTED = codeSet('REC', ['E1', 'E11', 'E12']);
const WITH_FOSTER_CARER = ['A2', 'A3', 'A5'];
const WITH_OTHER_ADOPTERS = ['A1', 'A4', 'A6'];

export const rule335: Rule = {
  code: '335',
  description:
    'Whether the child was adopted by their foster carer does not agree with the last placement (A3 or A5 with the foster carer; A4 or A6 not).',
  tables: ['Episodes', 'AD1'],
  fields: ['PLACE', 'REC', 'FOSTER_CARE'],
  check(child) {
    const findings: Finding[] = [];
    for (const ad1 of rowsOf(child, 'AD1')) {
      const byFosterCarer = ad1.values.FOSTER_CARE ?? '';
      const disagreeing = rowsOf(child, 'Episodes').filter((row) => {
        if (!ADOPTED.has(row.values.REC ?? '')) return false;
        const place = row.values.PLACE ?? '';
        return (
          (byFosterCarer === '0' && WITH_FOSTER_CARER.includes(place)) ||
          (byFosterCarer === '1' && WITH_OTHER_ADOPTERS.includes(place))
        );
      });
      if (disagreeing.length === 0) continue;
      for (const row of disagreeing) findings.push(finding('335', child, row, 'PLACE'));
      findings.push(finding('335', child, ad1, 'FOSTER_CARE'));
    }
    return findings;
  },
};
