// Use case: administrators keep the adviser directory (who receives risk alerts for each region). Nobody
// else can read or change it. Removing an adviser deactivates them; the entry stays for the record.
import * as z from 'zod';
import { isRegion, REGIONS } from '../domain/councils.ts';
import {
  ADVISER_DELIVERIES,
  ADVISER_ID,
  ADVISER_ROLES,
  type Adviser,
  normaliseEmail,
} from '../domain/directory.ts';
import type { Role } from '../domain/roles.ts';
import type { DirectoryStore } from '../ports/directory.ts';
import { type Refusal, refuse, refuseInvalid } from './refusal.ts';

export interface DirectoryCaller {
  readonly roles: readonly Role[];
  readonly subject: string;
}

export type DirectoryResult =
  | { readonly ok: true; readonly status: 200 | 201; readonly body: Record<string, unknown> }
  | Refusal;

const NOT_ADMIN =
  'Only a national administrator can see or change the adviser directory. Ask an administrator if an adviser needs adding or removing.';

const regionList = Object.keys(REGIONS).join(', ');

const EDITABLE = 'only name, email, region, role, delivery and active can be set';

const AdviserInputSchema = z.strictObject(
  {
    name: z
      .string({ error: 'Give the adviser’s name as text.' })
      .trim()
      .min(1, 'Give the adviser’s name.')
      .max(120, 'Shorten the name to 120 characters or fewer.'),
    email: z
      .email({ error: 'Give the adviser’s email as a valid address, like name@council.gov.uk.' })
      .max(254, 'Shorten the email address to 254 characters or fewer.'),
    region: z
      .string({ error: `Give the region as one of: ${regionList}.` })
      .refine(isRegion, { error: `The region must be one of: ${regionList}.` }),
    role: z.enum(ADVISER_ROLES, {
      error:
        'The role must be "principal" (regional principal adviser) or "improvement" (children’s improvement adviser).',
    }),
    delivery: z
      .enum(ADVISER_DELIVERIES, {
        error:
          'The delivery must be "immediate" (one email per alert) or "digest" (alerts combined into one email per digest window).',
      })
      .default('immediate'),
    active: z
      .boolean({ error: 'Say whether the adviser receives alerts with "active": true or false.' })
      .default(true),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Remove ${issue.keys.map((key) => `"${key}"`).join(', ')}: ${EDITABLE}.`
        : undefined,
  },
);

const isAdmin = (caller: DirectoryCaller) => caller.roles.some((role) => role.kind === 'admin');

const view = (adviser: Adviser) => ({
  adviserId: adviser.adviserId,
  name: adviser.name,
  email: adviser.email,
  region: adviser.region,
  regionName: REGIONS[adviser.region] ?? adviser.region,
  role: adviser.role,
  delivery: adviser.delivery,
  active: adviser.active,
  updatedAt: adviser.updatedAt,
  updatedBy: adviser.updatedBy,
});

function invalidId(adviserId: string): DirectoryResult | undefined {
  if (ADVISER_ID.test(adviserId)) return undefined;
  return refuse(
    400,
    `"${adviserId.slice(0, 80)}" cannot be an adviser id: use lower-case letters, digits and hyphens (up to 64), e.g. "south-east-principal".`,
  );
}

export async function listAdvisers(
  caller: DirectoryCaller,
  store: DirectoryStore,
  region?: string,
): Promise<DirectoryResult> {
  if (!isAdmin(caller)) return refuse(403, NOT_ADMIN);
  if (region !== undefined && !isRegion(region)) {
    return refuse(400, `"${region.slice(0, 40)}" is not a region. Use one of: ${regionList}.`);
  }
  const advisers = (await store.listAdvisers()).filter((a) => region === undefined || a.region === region);
  return { ok: true, status: 200, body: { advisers: advisers.map(view) } };
}

export async function getAdviser(
  adviserId: string,
  caller: DirectoryCaller,
  store: DirectoryStore,
): Promise<DirectoryResult> {
  if (!isAdmin(caller)) return refuse(403, NOT_ADMIN);
  const badId = invalidId(adviserId);
  if (badId) return badId;
  const adviser = await store.getAdviser(adviserId);
  if (!adviser) return refuse(404, `There is no adviser "${adviserId}" in the directory.`);
  return { ok: true, status: 200, body: view(adviser) };
}

export async function putAdviser(
  adviserId: string,
  body: unknown,
  caller: DirectoryCaller,
  deps: { store: DirectoryStore; now: Date },
): Promise<DirectoryResult> {
  if (!isAdmin(caller)) return refuse(403, NOT_ADMIN);
  const badId = invalidId(adviserId);
  if (badId) return badId;
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return refuse(
      400,
      'Send the adviser as a JSON object: name, email, region and role, and optionally delivery and active.',
    );
  }
  const parsed = AdviserInputSchema.safeParse(body);
  if (!parsed.success) return refuseInvalid(parsed.error.issues, 'The adviser was not saved.');
  const existing = await deps.store.getAdviser(adviserId);
  const adviser: Adviser = {
    adviserId,
    ...parsed.data,
    email: normaliseEmail(parsed.data.email),
    updatedAt: deps.now.toISOString(),
    updatedBy: caller.subject,
  };
  await deps.store.putAdviser(adviser);
  return { ok: true, status: existing ? 200 : 201, body: view(adviser) };
}

export async function deactivateAdviser(
  adviserId: string,
  caller: DirectoryCaller,
  deps: { store: DirectoryStore; now: Date },
): Promise<DirectoryResult> {
  if (!isAdmin(caller)) return refuse(403, NOT_ADMIN);
  const badId = invalidId(adviserId);
  if (badId) return badId;
  const existing = await deps.store.getAdviser(adviserId);
  if (!existing) return refuse(404, `There is no adviser "${adviserId}" in the directory.`);
  const adviser: Adviser = {
    ...existing,
    active: false,
    updatedAt: deps.now.toISOString(),
    updatedBy: caller.subject,
  };
  await deps.store.putAdviser(adviser);
  return { ok: true, status: 200, body: view(adviser) };
}
