// Domain: SSDA903 rule INT11 — DOB in AD1 must match Header. Catalogue fields: DOB (Header, AD1).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT11: Rule = dobDiffersFromHeaderRule('INT11', 'AD1');
