// Domain: SSDA903 rule 433 — a continuation episode must start when the previous one ended. Catalogue fields:
// RNE DECOM (Episodes).
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { episodePairRule } from './factories.ts';

const CONTINUATION = codeSet('RNE', ['L', 'P', 'T', 'B', 'U']);

export const rule433: Rule = episodePairRule({
  code: '433',
  description:
    'The reason for new episode says this continues the previous episode, but it does not start on the day the previous episode ceased.',
  fields: ['RNE', 'DECOM'],
  flags: 'next',
  flagField: 'RNE',
  fails: (previous, next) => CONTINUATION.has(next.row.values.RNE ?? '') && previous.dec !== next.decom,
});
