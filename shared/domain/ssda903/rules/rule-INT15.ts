// Domain: SSDA903 rule INT15 — DOB in OC3 must match Header. Catalogue fields: DOB (Header, OC3).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT15: Rule = dobDiffersFromHeaderRule('INT15', 'OC3');
