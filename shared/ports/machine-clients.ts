// Ports: the machine clients councils' automated extracts sign in with. The registry is the identity
// provider's (Cognito's) list of app clients; the store is ours, mapping each client to its council.

export interface MachineClient {
  readonly la: string;
  readonly clientId: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface MachineClientStore {
  forCouncil(la: string): Promise<MachineClient | undefined>;
  /** Read consistently: a client revoked a moment ago is refused at once. */
  byClientId(clientId: string): Promise<MachineClient | undefined>;
  /** Records the council's client, replacing the one it had (whose record goes). */
  put(client: MachineClient, replacing?: MachineClient): Promise<void>;
  remove(client: MachineClient): Promise<void>;
}

export interface AppClientRegistry {
  /** A confidential client with the client-credentials grant and the submit scope only; its secret once. */
  create(name: string): Promise<{ clientId: string; clientSecret: string }>;
  /** Deletes the client: it can get no more tokens. Deleting one already gone is not an error. */
  delete(clientId: string): Promise<void>;
}
