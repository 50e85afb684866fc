// Domain: SSDA903 rule INT18 — DOB in UASC must match Header. Catalogue fields: DOB (Header, UASC).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT18: Rule = dobDiffersFromHeaderRule('INT18', 'UASC');
