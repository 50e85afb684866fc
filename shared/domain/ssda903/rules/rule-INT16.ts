// Domain: SSDA903 rule INT16 — DOB in PrevPerm must match Header. Catalogue fields: DOB (Header, PrevPerm).
import type { Rule } from '../model.ts';
import { dobDiffersFromHeaderRule } from './factories.ts';

export const ruleINT16: Rule = dobDiffersFromHeaderRule('INT16', 'PrevPerm');
