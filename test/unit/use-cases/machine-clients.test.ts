// Councils' machine clients: who may give, replace and revoke them, and which tokens act for which council.
import { describe, expect, it } from 'vitest';
import { COUNCIL_CLAIM, SUBMIT_SCOPE } from '../../../shared/config/machine-credentials.ts';
import { machineCallerOf } from '../../../shared/domain/machine-caller.ts';
import type {
  AppClientRegistry,
  MachineClient,
  MachineClientStore,
} from '../../../shared/ports/machine-clients.ts';
import {
  issueMachineClient,
  machineRoles,
  revokeMachineClient,
  showMachineClient,
} from '../../../shared/use-cases/machine-clients.ts';

class MemoryStore implements MachineClientStore {
  readonly byCouncil = new Map<string, MachineClient>();
  async forCouncil(la: string) {
    return this.byCouncil.get(la);
  }
  async byClientId(clientId: string) {
    return [...this.byCouncil.values()].find((client) => client.clientId === clientId);
  }
  async put(client: MachineClient) {
    this.byCouncil.set(client.la, client);
  }
  async remove(client: MachineClient) {
    this.byCouncil.delete(client.la);
  }
}

class MemoryRegistry implements AppClientRegistry {
  readonly live = new Set<string>();
  private next = 0;
  async create() {
    const clientId = `client${++this.next}`;
    this.live.add(clientId);
    return { clientId, clientSecret: `secret-of-${clientId}` };
  }
  async delete(clientId: string) {
    this.live.delete(clientId);
  }
}

const admin = { roles: [{ kind: 'admin' as const }], subject: 'admin-1' };
const kentOfficer = { roles: [{ kind: 'council' as const, la: '886' }], subject: 'officer-1' };
const now = new Date('2026-12-06T09:00:00Z');

const machineClaims = (clientId: string, extra: Record<string, unknown> = {}) => ({
  sub: clientId,
  client_id: clientId,
  token_use: 'access',
  scope: SUBMIT_SCOPE,
  [COUNCIL_CLAIM]: '886',
  ...extra,
});

describe('machine clients', () => {
  it('gives a council a client with its secret once, and shows it afterwards without the secret', async () => {
    // Prepare
    const store = new MemoryStore();
    const registry = new MemoryRegistry();

    // Act
    const issued = await issueMachineClient('886', admin, { store, registry, now });
    const shown = await showMachineClient('886', admin, store);

    // Assess
    expect(issued).toMatchObject({
      ok: true,
      status: 201,
      body: { la: '886', clientSecret: 'secret-of-client1' },
    });
    expect(shown).toMatchObject({ ok: true, body: { clientId: 'client1', createdBy: 'admin-1' } });
    expect(JSON.stringify(shown)).not.toContain('secret-of');
  });

  it('replaces a council’s client by deleting the old one in the identity provider', async () => {
    // Prepare
    const store = new MemoryStore();
    const registry = new MemoryRegistry();
    await issueMachineClient('886', admin, { store, registry, now });

    // Act
    const replaced = await issueMachineClient('886', admin, { store, registry, now });

    // Assess
    expect(replaced).toMatchObject({ ok: true, body: { clientId: 'client2' } });
    expect([...registry.live]).toEqual(['client2']);
    expect(await store.byClientId('client1')).toBeUndefined();
  });

  it('revokes a council’s client, and says so plainly when there is none', async () => {
    // Prepare
    const store = new MemoryStore();
    const registry = new MemoryRegistry();
    await issueMachineClient('886', admin, { store, registry, now });

    // Act
    const revoked = await revokeMachineClient('886', admin, { store, registry });
    const again = await revokeMachineClient('886', admin, { store, registry });

    // Assess
    expect(revoked.ok).toBe(true);
    expect(registry.live.size).toBe(0);
    expect(again).toEqual({ ok: false, status: 404, message: 'Kent has no machine credentials to revoke.' });
  });

  it('lets only an administrator give, see or revoke machine credentials, for a council that exists', async () => {
    // Prepare
    const store = new MemoryStore();
    const registry = new MemoryRegistry();

    // Act
    const byOfficer = await issueMachineClient('886', kentOfficer, { store, registry, now });
    const unknownCouncil = await issueMachineClient('999', admin, { store, registry, now });

    // Assess
    expect(byOfficer).toMatchObject({ ok: false, status: 403 });
    expect(unknownCouncil).toEqual({
      ok: false,
      status: 404,
      message: 'There is no council with LA code 999.',
    });
    expect(registry.live.size).toBe(0);
  });

  it('acts for the council only while the token’s client is that council’s current one', async () => {
    // Prepare
    const store = new MemoryStore();
    const registry = new MemoryRegistry();
    await issueMachineClient('886', admin, { store, registry, now });
    const current = machineCallerOf(machineClaims('client1'))!;
    const claimingBarnet = machineCallerOf(machineClaims('client1', { [COUNCIL_CLAIM]: '302' }))!;
    const withoutScope = machineCallerOf(machineClaims('client1', { scope: 'openid' }))!;

    // Act
    const roles = await machineRoles(current, store);
    const barnetRoles = await machineRoles(claimingBarnet, store);
    const unscopedRoles = await machineRoles(withoutScope, store);
    await revokeMachineClient('886', admin, { store, registry });
    const afterRevocation = await machineRoles(current, store);

    // Assess
    expect(roles).toEqual([{ kind: 'council', la: '886' }]);
    expect(barnetRoles).toEqual([]);
    expect(unscopedRoles).toEqual([]);
    expect(afterRevocation).toEqual([]);
  });
});

describe('telling a machine token from a person’s', () => {
  it('takes a client-credentials access token (its client as its subject) for a machine', () => {
    // Assess
    expect(machineCallerOf(machineClaims('abc'))).toEqual({ clientId: 'abc', la: '886', canSubmit: true });
  });

  it.each([
    ['an ID token', { token_use: 'id' }],
    ['a person’s access token', { sub: 'a-person' }],
    ['a token with no client', { client_id: undefined }],
  ])('does not take %s for a machine', (_what, override) => {
    // Assess
    expect(machineCallerOf(machineClaims('abc', override))).toBeUndefined();
  });

  it('ignores a council claim that names no council', () => {
    // Assess
    expect(machineCallerOf(machineClaims('abc', { [COUNCIL_CLAIM]: '999' }))?.la).toBeUndefined();
  });
});
