// Port: the web app's sign-in state. The browser holds only a random id; tokens stay server-side.

export interface WebSession {
  /** The id as the browser holds it; stores keep only its hash. */
  readonly id: string;
  readonly idToken: string;
  readonly refreshToken?: string;
  /** Epoch seconds at which the ID token stops being accepted. */
  readonly idTokenExpiresAt: number;
  /** Every form carries this; a post without it is refused. */
  readonly csrfToken: string;
  readonly username: string;
  readonly groups: readonly string[];
  /** Epoch seconds after which the session is over, whatever the tokens say. */
  readonly expiresAt: number;
}

/** Between the redirect to the authorization server and its answer. */
export interface PendingSignIn {
  readonly state: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
  readonly expiresAt: number;
}

export interface WebSessionStore {
  putSession(session: WebSession): Promise<void>;
  /** The session, or undefined when it is unknown or has expired at `now` (epoch seconds). */
  getSession(id: string, now: number): Promise<WebSession | undefined>;
  deleteSession(id: string): Promise<void>;
  putPendingSignIn(pending: PendingSignIn): Promise<void>;
  /** Returns the pending sign-in once and forgets it, so a state cannot be replayed. */
  takePendingSignIn(state: string, now: number): Promise<PendingSignIn | undefined>;
}
