// Domain: SSDA903 rule 528 — PR2 (other LA) placement types. Catalogue fields: PLACE PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { providerPlacementRule } from './factories.ts';

export const rule528: Rule = providerPlacementRule({
  code: '528',
  description: 'Placement provider PR2 (another council) cannot go with placements P1, R2 or R5.',
  provider: 'PR2',
  notWith: ['P1', 'R2', 'R5'],
});
