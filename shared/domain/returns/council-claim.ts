// Domain: the one rule every return type follows on whose return it is. A return that names a council of its
// own (the LEA in a CIN or workforce census header, an LEA in an SSDA903 XML file, the la column of the
// in-year dataset) must name the council it is submitted for; otherwise it is refused, so that no council's
// figures are ever recorded for another. A return that names no council is taken as the submitter's.
import { findCouncil } from '../councils.ts';
import { ReturnReadError } from '../reading/issues.ts';

const named = (la: string): string => {
  const council = findCouncil(la);
  return council ? `${council.name} (${la})` : `"${la}"`;
};

/**
 * The refusal for a return whose own words (`where`, e.g. "its header's <LEA>") name council `claimed` when
 * it is submitted for `submittedFor`; null when they agree or the return names no council.
 */
export function otherCouncilRefusal(
  fileName: string,
  claimed: string,
  submittedFor: string,
  where: string,
): ReturnReadError | null {
  const la = claimed.trim();
  if (la === '' || la === submittedFor) return null;
  return new ReturnReadError(
    'wrong-council',
    `"${fileName}" says it is the return of council ${named(la)} (${where}), but this submission is for council ${named(submittedFor)}. It was not processed, so no figures were recorded. Upload your own council’s return, or correct ${where} if the file is yours.`,
    fileName,
  );
}
