// Domain: SSDA903 rule 550 — PR0 (parent) only with P1. Catalogue fields: PLACE PLACE_PROVIDER (Episodes).
import type { Rule } from '../model.ts';
import { providerPlacementRule } from './factories.ts';

export const rule550: Rule = providerPlacementRule({
  code: '550',
  description:
    'Placement provider PR0 (parent or person with parental responsibility) can only go with placement P1.',
  provider: 'PR0',
  onlyWith: ['P1'],
});
