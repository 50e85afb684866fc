// Domain: SSDA903 rule INT12 — DOB in PlacedAdoption must match Header. Catalogue fields: DOB (Header, PlacedAdoption).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT12: Rule = dobDiffersFromHeaderRule('INT12', 'PlacedAdoption');
