// Use case: a council's risk assessment as its regional advisers see it. Risk ratings are for advisers of
// the council's region and administrators only: councils and DfE never see a named rating.
import * as z from 'zod';
import { riskOverrideChangedMessage } from '../../events/risk-override-changed.ts';
import { findCouncil, REGIONS } from '../domain/councils.ts';
import { RISK_BANDS } from '../domain/risk/model.ts';
import type { Role } from '../domain/roles.ts';
import type { RiskStore } from '../ports/risk.ts';
import { type Refusal, refuse, refuseInvalid } from './refusal.ts';

export type RiskViewResult = { readonly ok: true; readonly body: Record<string, unknown> } | Refusal;

const HISTORY = 20;

export function canSeeRisk(roles: readonly Role[], la: string): boolean {
  const region = findCouncil(la)?.region;
  return roles.some((role) => role.kind === 'admin' || (role.kind === 'adviser' && role.region === region));
}

export async function councilRiskView(
  la: string,
  roles: readonly Role[],
  deps: { risk: Pick<RiskStore, 'history'> },
): Promise<RiskViewResult> {
  const council = findCouncil(la);
  if (!council) return refuse(404, `There is no council with number "${la}".`);
  if (!canSeeRisk(roles, la)) {
    return refuse(
      403,
      `Risk ratings are shared only with the ${REGIONS[council.region]} regional advisers. Your role cannot see them.`,
    );
  }
  // One read: the newest version is the current assessment. Read apart, a reassessment landing between the
  // two reads would show a band that its own history does not hold (or a history ahead of the band).
  const history = await deps.risk.history(la, HISTORY);
  const current = history[0];
  if (!current) {
    return refuse(
      404,
      `${council.name} has not been assessed yet: an assessment is made when a return is ingested or intelligence is recorded.`,
    );
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
        dataScore: entry.assessment.dataScore,
        intelligenceScore: entry.assessment.intelligenceScore,
        cause: entry.cause.type,
      })),
    },
  };
}

const overrideSchema = (today: string) =>
  z.strictObject({
    band: z.enum(RISK_BANDS, { error: `Say which band to set: one of ${RISK_BANDS.join(', ')}.` }),
    reason: z
      .string({ error: 'Give the reason for the override: what do you know that the figures do not show?' })
      .trim()
      .min(20, 'Give the reason in at least 20 characters: the next adviser has to understand it.')
      .max(1000, 'Keep the reason to 1,000 characters.'),
    expiresOn: z.iso
      // A date in the wrong form is only that: the checks on its value would compare text.
      .date({ error: 'Say until when the override applies, as a date such as 2027-03-31.', abort: true })
      .refine((date) => date > today, 'The override must last until a day after today.')
      .refine(
        (date) => date <= addDays(today, MAX_OVERRIDE_DAYS),
        `An override can last at most ${MAX_OVERRIDE_DAYS} days; set it again if it is still needed.`,
      ),
  });

const MAX_OVERRIDE_DAYS = 183;

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface OverrideDeps {
  readonly risk: Pick<RiskStore, 'setOverride'>;
  readonly publishRecompute: (message: {
    body: string;
    groupId: string;
    deduplicationId: string;
  }) => Promise<void>;
  readonly now: () => Date;
}

/** PUT (body) or DELETE (body null) of a council's override; either way the council is reassessed at once. */
export async function changeRiskOverride(
  la: string,
  body: unknown,
  caller: { roles: readonly Role[]; subject: string },
  deps: OverrideDeps,
): Promise<RiskViewResult> {
  const council = findCouncil(la);
  if (!council) return refuse(404, `There is no council with number "${la}".`);
  if (!canSeeRisk(caller.roles, la)) {
    return refuse(
      403,
      `Only the ${REGIONS[council.region]} regional advisers can override ${council.name}'s band.`,
    );
  }
  const now = deps.now();
  const setAt = now.toISOString();
  let change: 'set' | 'lifted' = 'lifted';
  if (body === null) {
    await deps.risk.setOverride(la, null);
  } else {
    const parsed = overrideSchema(setAt.slice(0, 10)).safeParse(body);
    if (!parsed.success) {
      return refuseInvalid(parsed.error.issues);
    }
    await deps.risk.setOverride(la, { ...parsed.data, by: caller.subject, setAt });
    change = 'set';
  }
  await deps.publishRecompute(
    riskOverrideChangedMessage({
      type: 'RiskOverrideChanged',
      version: 1,
      eventId: `${la}#override#${setAt}`,
      occurredAt: setAt,
      la,
      change,
    }),
  );
  return {
    ok: true,
    body: {
      council: { la, name: council.name },
      override: change,
      message:
        change === 'set'
          ? `${council.name}'s band is overridden; it is being reassessed now.`
          : `The override for ${council.name} is lifted; it is being reassessed now.`,
    },
  };
}
