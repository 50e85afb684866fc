// Domain: SSDA903 rule INT14 — DOB in OC2 must match Header. Catalogue fields: DOB (Header, OC2).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT14: Rule = dobDiffersFromHeaderRule('INT14', 'OC2');
