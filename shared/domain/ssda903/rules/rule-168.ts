// Domain: SSDA903 rule 168 — shape of the Unique Pupil Number. Catalogue fields: UPN (Header).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';

/**
 * A UPN is 13 characters: a letter other than I, O or S, eleven digits, then a digit or (for a temporary UPN)
 * a letter. Where the UPN is not known one of UN1–UN5 is used. The check letter itself is not verified here.
 */
const UPN_SHAPE = /^(?:[A-HJ-NP-RT-Z]\d{11}[0-9A-Z]|UN[1-5])$/;

export const rule168: Rule = rowRule({
  code: '168',
  description:
    'The UPN is not in the form of a Unique Pupil Number; if it is unknown use UN1, UN2, UN3, UN4 or UN5.',
  table: 'Header',
  fields: ['UPN'],
  flagField: 'UPN',
  fails: (row) => (row.values.UPN ?? '') !== '' && !UPN_SHAPE.test(row.values.UPN ?? ''),
});
