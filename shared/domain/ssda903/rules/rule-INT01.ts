// Domain: SSDA903 rule INT01 — child in AD1 must exist in Header. Catalogue fields: CHILD (Header, AD1).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT01: Rule = notInHeaderRule('INT01', 'AD1');
