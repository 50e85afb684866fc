// Domain: CIN rule 8950Q (Assessments, query); catalogue entry last defined in 2024/25.
import { retiredFactorQuery } from './helpers.ts';

export const rule8950Q = retiredFactorQuery('8950Q', '19A', '19B (child on child) or 19C (adult on child)');
