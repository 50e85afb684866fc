// Domain: SSDA903 rule 529 — PR3 (other public provision) placement types. Catalogue fields: PLACE
// PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { providerPlacementRule } from './factories.ts';

export const rule529: Rule = providerPlacementRule({
  code: '529',
  description:
    'Placement provider PR3 (other public provision) cannot go with placements P1, A3–A6, K1, K2 or U1–U6, which other public bodies cannot provide.',
  provider: 'PR3',
  notWith: ['P1', 'A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'],
});
