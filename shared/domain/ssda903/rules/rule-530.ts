// Domain: SSDA903 rule 530 — PR4 (private) not with P1. Catalogue fields: PLACE PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { providerPlacementRule } from './factories.ts';

export const rule530: Rule = providerPlacementRule({
  code: '530',
  description:
    'Placement provider PR4 (private provision) cannot go with placement P1 (placed with parents).',
  provider: 'PR4',
  notWith: ['P1'],
});
