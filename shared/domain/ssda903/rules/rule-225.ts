// Domain: SSDA903 rule 225 — reason for placement change required. Catalogue fields: REASON_PLACE_CHANGE.
import type { Rule } from '../model.ts';
import { codeSet } from './code-sets.ts';
import { episodePairRule } from './factories.ts';
import { TEMPORARY } from './support.ts';

const MOVES = codeSet('RNE', ['P', 'B', 'T', 'U']);

/**
 * The reason is recorded on the episode that ends when the child moves (REC X1, next RNE P, B, T or U).
 * Moves into or out of a temporary placement do not need one.
 */
export const rule225: Rule = episodePairRule({
  code: '225',
  description:
    'The child changed placement at the end of this episode, so the reason for placement change must be recorded.',
  fields: ['REASON_PLACE_CHANGE'],
  flags: 'previous',
  flagField: 'REASON_PLACE_CHANGE',
  fails: (previous, next) =>
    (previous.row.values.REC ?? '') === 'X1' &&
    (previous.row.values.REASON_PLACE_CHANGE ?? '') === '' &&
    !TEMPORARY.has(previous.row.values.PLACE ?? '') &&
    MOVES.has(next.row.values.RNE ?? '') &&
    !TEMPORARY.has(next.row.values.PLACE ?? ''),
});
