// Domain: CIN rule 8945Q (Assessments, query); catalogue entry last defined in 2024/25.
import { retiredFactorQuery } from './helpers.ts';

export const rule8945Q = retiredFactorQuery('8945Q', '18A', '18B (child on child) or 18C (adult on child)');
