// Domain: SSDA903 rule 531 — PR5 (voluntary) not with P1. Catalogue fields: PLACE PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { providerPlacementRule } from './factories.ts';

export const rule531: Rule = providerPlacementRule({
  code: '531',
  description:
    'Placement provider PR5 (voluntary or third sector) cannot go with placement P1 (placed with parents).',
  provider: 'PR5',
  notWith: ['P1'],
});
