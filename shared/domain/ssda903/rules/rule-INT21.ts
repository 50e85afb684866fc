// Domain: SSDA903 rule INT21 — SEX in UASC must match Header. Catalogue fields: SEX (Header, UASC).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
import { headerRow, sexOf } from './support.ts';

/** Compared by meaning, so 1/M and 2/F agree (the UASC table accepts 1/2 as aliases from 2024/25). */
export const ruleINT21: Rule = rowRule({
  code: 'INT21',
  description: 'The sex recorded in UASC is not the same as the sex recorded in Header.',
  table: 'UASC',
  tables: ['Header', 'UASC'],
  fields: ['SEX'],
  flagField: 'SEX',
  fails: (row, child) => {
    const header = headerRow(child);
    if (!header) return false;
    const uascSex = sexOf(row);
    const headerSex = sexOf(header);
    if (uascSex === 'invalid' || headerSex === 'invalid')
      return (row.values.SEX ?? '') !== (header.values.SEX ?? '');
    return uascSex !== headerSex;
  },
});
