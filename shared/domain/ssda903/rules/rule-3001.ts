// Domain: SSDA903 rule 3001 — no accommodation with former foster carers around the 17th birthday. Catalogue
// fields: REC (OC3, Header); the check reads ACCOM in OC3, which is where the answer is.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { rowRule } from './factories.ts';
import { addYears, dobFor } from './support.ts';

/** Care leaver accommodation codes for "with former foster carer(s)", suitable or not. */
const WITH_FORMER_FOSTER_CARERS = codeSet('ACCOM', ['Z1', 'Z2']);

export const rule3001: Rule = rowRule({
  code: '3001',
  description:
    'The young person turned 17 this year, and care leaver accommodation cannot then be with former foster carers.',
  table: 'OC3',
  tables: ['OC3', 'Header'],
  fields: ['ACCOM'],
  flagField: 'ACCOM',
  fails: (row, child, context) => {
    if (!WITH_FORMER_FOSTER_CARERS.has(row.values.ACCOM ?? '')) return false;
    const dob = dobFor(child, row);
    if (dob === null) return false;
    const seventeenth = addYears(dob, 17);
    return seventeenth >= context.periodStart && seventeenth <= context.periodEnd;
  },
});
