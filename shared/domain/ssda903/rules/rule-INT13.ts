// Domain: SSDA903 rule INT13 — DOB in Missing must match Header. Catalogue fields: DOB (Header, Missing).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT13: Rule = dobDiffersFromHeaderRule('INT13', 'Missing');
