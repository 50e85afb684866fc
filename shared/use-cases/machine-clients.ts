// Use case: an administrator gives a council one machine client for its automated extract (the secret is
// shown once), replaces it (rotation: the old secret stops working at once) or revokes it; and the
// submissions API turns a machine token into the council it may act for, only while its client is current.
import { findCouncil } from '../domain/councils.ts';
import type { MachineCaller } from '../domain/machine-caller.ts';
import type { Role } from '../domain/roles.ts';
import type { AppClientRegistry, MachineClient, MachineClientStore } from '../ports/machine-clients.ts';

export interface MachineClientCaller {
  readonly roles: readonly Role[];
  readonly subject: string;
}

export type MachineClientResult =
  | { readonly ok: true; readonly status: 200 | 201; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly status: 403 | 404; readonly message: string };

const NOT_ADMIN =
  'Only a national administrator can see, give or revoke a council’s machine credentials. Ask an administrator.';

const refuse = (status: 403 | 404, message: string): MachineClientResult => ({ ok: false, status, message });

function councilOrRefusal(la: string, caller: MachineClientCaller) {
  if (!caller.roles.some((role) => role.kind === 'admin')) return { refusal: refuse(403, NOT_ADMIN) };
  const council = findCouncil(la);
  if (!council) return { refusal: refuse(404, `There is no council with LA code ${la}.`) };
  return { council };
}

const described = (client: MachineClient) => ({
  la: client.la,
  clientId: client.clientId,
  createdAt: client.createdAt,
  createdBy: client.createdBy,
});

export async function showMachineClient(
  la: string,
  caller: MachineClientCaller,
  store: MachineClientStore,
): Promise<MachineClientResult> {
  const checked = councilOrRefusal(la, caller);
  if (checked.refusal) return checked.refusal;
  const client = await store.forCouncil(la);
  if (!client) return refuse(404, `${checked.council.name} has no machine credentials.`);
  return { ok: true, status: 200, body: described(client) };
}

/** Creates the council's machine client, or replaces the one it has: the old client is deleted at once. */
export async function issueMachineClient(
  la: string,
  caller: MachineClientCaller,
  deps: { store: MachineClientStore; registry: AppClientRegistry; now: Date },
): Promise<MachineClientResult> {
  const checked = councilOrRefusal(la, caller);
  if (checked.refusal) return checked.refusal;
  const previous = await deps.store.forCouncil(la);
  const created = await deps.registry.create(`council-${la}-extract`);
  const client: MachineClient = {
    la,
    clientId: created.clientId,
    createdAt: deps.now.toISOString(),
    createdBy: caller.subject,
  };
  await deps.store.put(client, previous);
  if (previous) await deps.registry.delete(previous.clientId);
  return {
    ok: true,
    status: 201,
    body: {
      ...described(client),
      clientSecret: created.clientSecret,
      message: `${previous ? 'New machine credentials replace the old ones, which no longer work' : 'Machine credentials created'} for ${checked.council.name}. Copy the secret now: it is not shown again.`,
    },
  };
}

export async function revokeMachineClient(
  la: string,
  caller: MachineClientCaller,
  deps: { store: MachineClientStore; registry: AppClientRegistry },
): Promise<MachineClientResult> {
  const checked = councilOrRefusal(la, caller);
  if (checked.refusal) return checked.refusal;
  const client = await deps.store.forCouncil(la);
  if (!client) return refuse(404, `${checked.council.name} has no machine credentials to revoke.`);
  await deps.store.remove(client);
  await deps.registry.delete(client.clientId);
  return {
    ok: true,
    status: 200,
    body: { ...described(client), message: `${checked.council.name}'s machine credentials are revoked.` },
  };
}

/**
 * The roles a machine token acts with: its council's, when its client is that council's current one and the
 * token may submit; none otherwise (a revoked or replaced client, another council's claim, no scope).
 */
export async function machineRoles(machine: MachineCaller, store: MachineClientStore): Promise<Role[]> {
  if (!machine.canSubmit || !machine.la) return [];
  const client = await store.byClientId(machine.clientId);
  return client && client.la === machine.la ? [{ kind: 'council', la: client.la }] : [];
}
