// Config: where the `upstream login` command receives its sign-in code. Cognito only lets an app client send
// codes over plain HTTP to localhost, and checks the address exactly, port included: the CLI listens on this
// port and the stack registers this address for the command-line client.
export const COMMAND_LINE_CALLBACK_PORT = 8976;
export const COMMAND_LINE_CALLBACK_URL = `http://localhost:${COMMAND_LINE_CALLBACK_PORT}/callback`;
