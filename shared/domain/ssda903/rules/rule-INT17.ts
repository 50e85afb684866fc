// Domain: SSDA903 rule INT17 — DOB in Reviews must match Header. Catalogue fields: DOB (Header, Reviews).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT17: Rule = dobDiffersFromHeaderRule('INT17', 'Reviews');
