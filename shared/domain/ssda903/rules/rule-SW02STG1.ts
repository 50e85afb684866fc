// Domain: SSDA903 rule SW02STG1 — social worker ID prefix. Catalogue fields: SW_ID (SWEpisodes).
import type { Rule } from '../model.ts';
import { rowRule } from './factories.ts';
export const ruleSW02STG1: Rule = rowRule({
  code: 'SW02STG1',
  description: "The social worker ID must begin with 'SW' (the worker's registration number) or 'XX'.",
  table: 'SWEpisodes',
  fields: ['SW_ID'],
  flagField: 'SW_ID',
  fails: (row) => {
    const id = row.values.SW_ID ?? '';
    return id !== '' && !id.startsWith('SW') && !id.startsWith('XX');
  },
});
