// Config: what a council's machine credentials (a Cognito app client with the client-credentials grant) carry.
// The stack defines the resource server and scope, the token trigger writes the audience and council claims,
// and the API reads them back: one definition for all three.

/** The resource server's identifier in the user pool. */
export const MACHINE_RESOURCE_SERVER = 'upstream';
/** The only scope a machine client is given: send returns for its council and read how they went. */
export const SUBMIT_SCOPE = `${MACHINE_RESOURCE_SERVER}/submissions.write`;
/** The audience the token trigger writes into a machine token, and the API's authoriser accepts. */
export const MACHINE_AUDIENCE = 'upstream-machine-clients';
/** The claim naming the council a machine token may submit for. */
export const COUNCIL_CLAIM = 'upstream:council';
/** An hour, as for people's tokens: a daily job asks for a fresh one each run. */
export const MACHINE_TOKEN_MINUTES = 60;
