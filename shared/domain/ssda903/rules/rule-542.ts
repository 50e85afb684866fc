// Domain: SSDA903 rule 542 — no conviction information under 10. Catalogue fields: CONVICTED (OC2).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { dobFor, hasReachedAge } from './support.ts';

/** Children under the age of criminal responsibility on 31 March have no conviction to report. */
export const rule542: Rule = rowRule({
  code: '542',
  description: 'Conviction information is given for a child who was under 10 on 31 March; leave it blank.',
  table: 'OC2',
  fields: ['DOB', 'CONVICTED'],
  flagField: 'CONVICTED',
  fails: (row, child, context) => {
    if ((row.values.CONVICTED ?? '') === '') return false;
    const dob = dobFor(child, row);
    return dob !== null && !hasReachedAge(dob, context.periodEnd, 10);
  },
});
