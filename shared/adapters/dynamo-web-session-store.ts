// Secondary adapter: web sessions and pending sign-ins in the one table, keyed by a hash of the browser's
// id, expiring through the table's TTL (and checked on read, since TTL deletes late).
import { createHash } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PendingSignIn, WebSession, WebSessionStore } from '#ports/web-sessions';

const hash = (value: string) => createHash('sha256').update(value).digest('base64url');
const sessionKey = (id: string) => ({ pk: `WEB#SESSION#${hash(id)}`, sk: 'META' });
const pendingKey = (state: string) => ({ pk: `WEB#SIGNIN#${hash(state)}`, sk: 'META' });

export class DynamoWebSessionStore implements WebSessionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putSession(session: WebSession): Promise<void> {
    const { id, ...stored } = session;
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...sessionKey(id), ...stored } }),
    );
  }

  async getSession(id: string, now: number): Promise<WebSession | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: sessionKey(id), ConsistentRead: true }),
    );
    if (!Item || Number(Item.expiresAt) <= now) return undefined;
    const { pk: _pk, sk: _sk, ...session } = Item;
    return { ...(session as Omit<WebSession, 'id'>), id };
  }

  async deleteSession(id: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: sessionKey(id) }));
  }

  async putPendingSignIn(pending: PendingSignIn): Promise<void> {
    const { state, ...stored } = pending;
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...pendingKey(state), ...stored } }),
    );
  }

  async takePendingSignIn(state: string, now: number): Promise<PendingSignIn | undefined> {
    const { Attributes } = await this.client.send(
      new DeleteCommand({ TableName: this.tableName, Key: pendingKey(state), ReturnValues: 'ALL_OLD' }),
    );
    if (!Attributes || Number(Attributes.expiresAt) <= now) return undefined;
    return {
      state,
      codeVerifier: String(Attributes.codeVerifier),
      returnTo: String(Attributes.returnTo),
      expiresAt: Number(Attributes.expiresAt),
    };
  }
}

/** The same contract in memory, for the web app's unit tests and single-process use. */
export class InMemoryWebSessionStore implements WebSessionStore {
  readonly sessions = new Map<string, WebSession>();
  private readonly pending = new Map<string, PendingSignIn>();

  async putSession(session: WebSession): Promise<void> {
    this.sessions.set(session.id, session);
  }
  async getSession(id: string, now: number): Promise<WebSession | undefined> {
    const session = this.sessions.get(id);
    return session && session.expiresAt > now ? session : undefined;
  }
  async deleteSession(id: string): Promise<void> {
    this.sessions.delete(id);
  }
  async putPendingSignIn(pending: PendingSignIn): Promise<void> {
    this.pending.set(pending.state, pending);
  }
  async takePendingSignIn(state: string, now: number): Promise<PendingSignIn | undefined> {
    const pending = this.pending.get(state);
    this.pending.delete(state);
    return pending && pending.expiresAt > now ? pending : undefined;
  }
}
