// Domain: SSDA903 rule 302 — first episode before birth. Catalogue fields: DECOM DOB (Header, Episodes).
import type { Rule } from '../model.ts';
import { episodesInOrder, finding, headerDob, NO_FINDINGS } from './support.ts';

export const rule302: Rule = {
  code: '302',
  description: "The child's first episode starts before their date of birth.",
  tables: ['Episodes', 'Header'],
  fields: ['DECOM', 'DOB'],
  check(child) {
    const dob = headerDob(child);
    const first = episodesInOrder(child)[0];
    return dob !== null && first && first.decom < dob
      ? [finding('302', child, first.row, 'DECOM')]
      : NO_FINDINGS;
  },
};
