// Domain: SSDA903 rule 202 — sex differs from last year's return. Catalogue fields: SEX (Header, Header_last);
// last defined 2022/23. The code list changed in 2024/25 (1/2 became M/F/U), so codes are compared by meaning.
import type { Rule } from '../model.ts';
import { unchangedHeaderRule } from './last-year.ts';

/** 1 and M mean male, 2 and F female, whichever year's code list the return used. */
const MEANING: Readonly<Record<string, string>> = { 1: 'M', M: 'M', 2: 'F', F: 'F', U: 'U' };

export const rule202: Rule = unchangedHeaderRule({
  code: '202',
  description: 'Sex is not the same as in last year’s return for this child.',
  field: 'SEX',
  same: (now, last) => (MEANING[now] ?? now) === (MEANING[last] ?? last),
});
