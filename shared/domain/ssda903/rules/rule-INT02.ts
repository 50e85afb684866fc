// Domain: SSDA903 rule INT02 — child in PlacedAdoption must exist in Header. Catalogue fields: CHILD (Header, PlacedAdoption).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT02: Rule = notInHeaderRule('INT02', 'PlacedAdoption');
