// Domain: SSDA903 rule 527 — PR1 (own LA) placement types. Catalogue fields: PLACE PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { providerPlacementRule } from './factories.ts';

export const rule527: Rule = providerPlacementRule({
  code: '527',
  description: "Placement provider PR1 (the council's own provision) cannot go with placements P1, R2 or R5.",
  provider: 'PR1',
  notWith: ['P1', 'R2', 'R5'],
});
