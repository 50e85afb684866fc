// Domain: SSDA903 rule 503D — this year's first episode continues the one open at the end of last year, but its
// PLACE differs. Catalogue fields: PLACE (Episodes, Episodes_last); last defined 2025/26. The years in which DfE
// withdrew a placement code accept its replacement: 2024/25 semi-independent living H5 carried on as supported
// accommodation K3 (DfE's text for that year only), and from 2025/26 the other placement Z1 carried on as one of
// Z11–Z14 (code-lists.ts).
import type { Rule } from '../model.ts';
import { carriedFieldRule } from './last-year.ts';
import { OTHER_PLACEMENTS_FROM_2026 } from './support.ts';

function placementCarried(replacedBy: Readonly<Record<string, readonly string[]>>, note: string): Rule {
  return carriedFieldRule({
    code: '503D',
    description: `This year’s first episode continues last year’s open episode (same start date), but its placement type is not the one last year’s return gave${note}.`,
    field: 'PLACE',
    replacedBy,
  });
}

export const rule503DUntil2024: Rule = placementCarried({}, '');
/** 2024/25: H5 was withdrawn and K3 added. */
export const rule503DUntil2025: Rule = placementCarried(
  { H5: ['K3'] },
  ' (H5 may continue as supported accommodation, K3)',
);
/** From 2025/26: Z1 was withdrawn and Z11–Z14 added. */
export const rule503D: Rule = placementCarried(
  { Z1: OTHER_PLACEMENTS_FROM_2026 },
  ' (the withdrawn Z1 may continue as one of Z11 to Z14)',
);
