// Use case: a council's risk assessment as its regional advisers see it. Risk ratings are for advisers of
// the council's region and administrators only: councils and DfE never see a named rating.
import { findCouncil, REGIONS } from '../domain/councils.ts';
import type { Role } from '../domain/roles.ts';
import type { RiskStore } from '../ports/risk.ts';

export type RiskViewResult =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly status: 403 | 404; readonly message: string };

const HISTORY = 20;

export function canSeeRisk(roles: readonly Role[], la: string): boolean {
  const region = findCouncil(la)?.region;
  return roles.some((role) => role.kind === 'admin' || (role.kind === 'adviser' && role.region === region));
}

export async function councilRiskView(
  la: string,
  roles: readonly Role[],
  deps: { risk: Pick<RiskStore, 'current' | 'history'> },
): Promise<RiskViewResult> {
  const council = findCouncil(la);
  if (!council) return { ok: false, status: 404, message: `There is no council with number "${la}".` };
  if (!canSeeRisk(roles, la)) {
    return {
      ok: false,
      status: 403,
      message: `Risk ratings are shared only with the ${REGIONS[council.region]} regional advisers. Your role cannot see them.`,
    };
  }
  const [current, history] = await Promise.all([deps.risk.current(la), deps.risk.history(la, HISTORY)]);
  if (!current) {
    return {
      ok: false,
      status: 404,
      message: `${council.name} has not been assessed yet: an assessment is made when a return is ingested or intelligence is recorded.`,
    };
  }
  const { assessment } = current;
  return {
    ok: true,
    body: {
      council: { la: council.la, name: council.name, region: council.region },
      version: current.version,
      assessedAt: current.assessedAt,
      cause: current.cause,
      band: assessment.band,
      modelBand: assessment.modelBand,
      modelVersion: assessment.modelVersion,
      asOf: assessment.asOf,
      dataScore: assessment.dataScore,
      dataRating: assessment.dataRating,
      intelligenceScore: assessment.intelligenceScore,
      intelligenceRating: assessment.intelligenceRating,
      domains: assessment.domains.map(({ domain, name, score }) => ({ domain, name, score })),
      drivers: assessment.drivers,
      context: assessment.context,
      override: assessment.override,
      notes: assessment.notes,
      inputs: assessment.inputs,
      history: history.map((entry) => ({
        version: entry.version,
        asOf: entry.assessment.asOf,
        band: entry.assessment.band,
        cause: entry.cause.type,
      })),
    },
  };
}
