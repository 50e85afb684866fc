// Domain: SSDA903 rule INT06 — child in OC3 must exist in Header. Catalogue fields: CHILD (Header, OC3).
import type { Rule } from '../model.ts';
import { notInHeaderRule } from './factories.ts';

export const ruleINT06: Rule = notInHeaderRule('INT06', 'OC3');
