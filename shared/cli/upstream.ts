// CLI: the `upstream` command. Parses arguments, runs one command and returns the exit code: 0 when a return is
// accepted (with or without issues), 2 when it is rejected, 1 on a usage error or a failure.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { findCouncil } from '../domain/councils.ts';
import { FAULTS, type GeneratedFile, generateReturn } from '../domain/generate/index.ts';
import { loadNationalBaseline } from '../domain/indicators/reference-data.ts';
import { RETURN_TYPES, type ReturnType } from '../domain/returns/catalogue.ts';
import {
  chooseDeadLetterQueue,
  listDeadLetterQueues,
  peekDeadLetters,
  redriveDeadLetters,
  renderDeadLetters,
  renderQueues,
  sqsFromEnvironment,
} from './dlq.ts';
import { progressBar } from './progress.ts';
import { renderReportText, wantsColour } from './render.ts';
import {
  CliError,
  demoUsers,
  loadSession,
  loginLocal,
  type MachineCredentials,
  machineSession,
  report,
  type Session,
  saveSession,
  sessionFile,
  submission,
  submissions,
  submitFiles,
} from './service.ts';
import { freshSession, revokeSession, signIn } from './sign-in.ts';
import { validateFiles } from './validate.ts';

export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

const VERSION = '0.1.0';
const FORMATS = ['text', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const HELP: Readonly<Record<string, string>> = {
  '': `upstream ${VERSION}: check and send children's services returns

Usage: upstream <command> [options]

Commands:
  validate   check a return on this machine, offline, exactly as the service would
  login      sign in to a running Upstream
  logout     forget the session kept on this machine (and revoke its refresh token)
  submit     send a return and wait for its report
  status     your submissions, or one of them
  report     a submission's report
  generate   make a synthetic return (made-up children) for testing and demos
  dlq        operators: list, read and redrive dead-letter queues

Run \`upstream <command> --help\` for a command's options and an example.`,
  validate: `Usage: upstream validate --type ssda903|cin|csww|inyear|cscapi --year YYYY --la CODE [--format text|json|csv]
                         [--previous FILE]… FILE…

Checks the files offline with the service's own reading, checks and report; nothing leaves this machine.
--year is the collection year: 2026 for April 2025 to March 2026 (the census year for csww).
--previous names a file of last year's SSDA903 return (repeat it for each), for the checks that compare
the two years; files whose names end in "_last" (episodes_last.csv) are recognised without it.
--format json prints exactly the report the API returns for the same files.
Exit code: 0 accepted (with or without issues), 2 rejected, 1 usage error.

Example:
  upstream validate --type ssda903 --year 2027 --la 886 header.csv episodes.csv reviews.csv
  upstream validate --type ssda903 --year 2027 --la 886 --previous 2026/episodes.csv header.csv episodes.csv`,
  login: `Usage: upstream login --auth URL --client-id ID --api URL      (a deployed stack)
       upstream login [--user NAME] [--console URL]              (the local cloud, npm start)

A deployed stack: signs in with Cognito managed login. The command prints an address to open in your browser,
waits for the sign-in to come back to http://localhost:8976 on this machine, and keeps the tokens in your config
directory, readable by you only; they are refreshed as needed for twelve hours. Take --auth, --client-id and
--api from the stack's outputs SignInUrl, CommandLineClientId and ApiUrl (or set UPSTREAM_AUTH_URL,
UPSTREAM_CLIENT_ID and UPSTREAM_API).
The local cloud: signs in as one of its demo users; without --user, lists them and asks.
A pipeline can set UPSTREAM_API and UPSTREAM_TOKEN instead of signing in.

Example:
  upstream login --auth https://upstream-prod.auth.eu-west-2.amazoncognito.com --client-id 1a2b3c4d5e6f7g8h9i0j --api https://abc123.execute-api.eu-west-2.amazonaws.com
  upstream login --user kent-data-officer`,
  logout: `Usage: upstream logout

Deletes the session kept on this machine and, for a managed-login session, revokes its refresh token.

Example:
  upstream logout`,
  submit: `Usage: upstream submit --type ssda903|cin|csww|inyear|cscapi --year YYYY [--la CODE] [--format text|json|csv]
                       [--previous FILE]… [--client-id ID --auth URL --api URL] FILE…

Sends the files the way the browser does, waits for the checks and prints the report.
--previous sends a file of last year's SSDA903 return too, as in validate.
A council's scheduled task sends with its machine credentials instead of a session: --client-id (or
UPSTREAM_CLIENT_ID), the secret in UPSTREAM_CLIENT_SECRET (or --client-secret, which other users of the
machine can see), the stack's SignInUrl with --auth (or UPSTREAM_AUTH) and its ApiUrl with --api (or UPSTREAM_API).
Exit code: 0 accepted (with or without issues), 2 rejected, 1 on a failure.

Example:
  upstream submit --type cin --year 2025 CIN_Census_2025.xml

Example, for a council's scheduled task:
  UPSTREAM_CLIENT_SECRET=… upstream submit --client-id 1a2b… --auth https://… --api https://… \\
    --type inyear --year 2027 inyear.csv`,
  status: `Usage: upstream status [SUBMISSION_ID]

Without an id, lists your council's submissions.

Example:
  upstream status 20261205T101500Z-1a2b3c4d`,
  generate: `Usage: upstream generate --type ssda903|cin|csww|inyear|cscapi --year YYYY --la CODE [--seed N] [--scale X]
                         [--faults NAME,NAME] [--format csv|xml] [--days N] --out DIR

Writes a synthetic return for the council and year into DIR: valid against that year's code lists and rules,
shaped on the council's published figures, and the same for the same --seed (default 1). Every child and
worker in it is made up. --scale multiplies the number of children (e.g. 0.1 for a small file).
--format xml writes an SSDA903 return as one XML file (EXPSSDA903) instead of CSV files (the XML form has no
place for social-worker episodes).
--days N (cscapi): a CSC API full payload as the year starts, then N daily deltas (default 7), one file each.
--faults plants named problems, for demos and tests:
${FAULTS.map((fault) => `  ${fault.returnType.padEnd(8)} ${fault.name.padEnd(26)} ${fault.expect === 'rejected' ? 'rejected' : fault.expect}: ${fault.description}`).join('\n')}

Example:
  upstream generate --type cin --year 2026 --la 886 --seed 7 --faults factor-21-with-others --out ./kent-cin
  upstream validate --type cin --year 2026 --la 886 ./kent-cin/*.xml
  upstream generate --type cscapi --year 2026 --la 886 --days 30 --scale 0.2 --out ./kent-cscapi`,
  dlq: `Usage: upstream dlq list [--stack PREFIX]
       upstream dlq show QUEUE [--max N] [--stack PREFIX]
       upstream dlq redrive QUEUE [--max N] [--stack PREFIX]

For operators, with AWS credentials allowed to read and send on the stack's queues (the usual AWS_* variables;
for the local cloud, the ones \`npm start\` prints). QUEUE is a dead-letter queue's name, part of it, or its work
queue's name. --stack is the start of the queue names (default Upstream-, or UPSTREAM_STACK). --max defaults to 10
for show and 1000 for redrive. redrive sends each message back to the queue it failed on, then deletes it; poison
messages (the function recorded why they can never succeed) are left in place for a person.

Example:
  upstream dlq list
  upstream dlq show RecomputeQueue
  upstream dlq redrive IngestQueue`,
  report: `Usage: upstream report SUBMISSION_ID [--format text|json|csv]

Example:
  upstream report 20261205T101500Z-1a2b3c4d --format csv > report.csv`,
};

function usage(message: string, command = ''): CliError {
  return new CliError(`${message}\n\n${HELP[command] ?? HELP['']}`);
}

function exitCodeFor(status: string): number {
  return status === 'rejected' ? 2 : 0;
}

function parseFormat(value: string | undefined, command: string): Format {
  const format = (value ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw usage(`--format must be one of ${FORMATS.join(', ')}.`, command);
  return format;
}

function parseReturn(values: { type?: string; year?: string }, command: string) {
  if (!values.type) throw usage(`Say which return with --type (${RETURN_TYPES.join(', ')}).`, command);
  if (!(RETURN_TYPES as readonly string[]).includes(values.type))
    throw usage(`--type must be one of ${RETURN_TYPES.join(', ')}, not "${values.type}".`, command);
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year) || year < 2013 || year > 2100)
    throw usage(
      'Say which collection year with --year, e.g. --year 2026 for April 2025 to March 2026.',
      command,
    );
  return { returnType: values.type as ReturnType, collectionYear: year };
}

function checkFiles(files: readonly string[], command: string): void {
  if (files.length === 0) throw usage('Name the files of the return.', command);
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new CliError(`No such file: ${missing.join(', ')}.`);
}

/** Files given with --previous: last year's SSDA903 return, for the checks that compare the two years. */
function previousYearFiles(
  files: readonly string[] | undefined,
  returnType: ReturnType,
  command: string,
): string[] {
  if (!files || files.length === 0) return [];
  if (returnType !== 'ssda903') throw usage('--previous is for SSDA903 returns only.', command);
  checkFiles(files, command);
  return [...files];
}

function print(io: Io, format: Format, reportJson: string, csv?: string): void {
  if (format === 'json') io.stdout.write(reportJson.endsWith('\n') ? reportJson : `${reportJson}\n`);
  else if (format === 'csv') io.stdout.write(csv ?? '');
  else io.stdout.write(renderReportText(reportJson, { colour: wantsColour(io.stdout, io.env) }));
}

/** The options of the commands that take a return: validate and submit. */
const RETURN_OPTIONS = {
  type: { type: 'string' },
  year: { type: 'string' },
  la: { type: 'string' },
  format: { type: 'string' },
  previous: { type: 'string', multiple: true },
} as const;

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: RETURN_OPTIONS });
  const { returnType, collectionYear } = parseReturn(values, 'validate');
  const format = parseFormat(values.format, 'validate');
  if (!values.la || !findCouncil(values.la))
    throw usage('Say which council the return is for with --la, e.g. --la 886 for Kent.', 'validate');
  checkFiles(positionals, 'validate');
  const bar = progressBar(io.stderr, io.env);
  const previousFiles = previousYearFiles(values.previous, returnType, 'validate');
  const result = await validateFiles({
    returnType,
    collectionYear,
    la: values.la,
    files: positionals,
    previousFiles,
    ...(bar ? { onProgress: bar.update } : {}),
  }).finally(() => bar?.finish());
  print(io, format, result.json, result.csv);
  return exitCodeFor(result.status);
}

async function login(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      console: { type: 'string' },
      auth: { type: 'string' },
      'client-id': { type: 'string' },
      api: { type: 'string' },
    },
  });
  const authUrl = values.auth ?? io.env.UPSTREAM_AUTH_URL;
  if (authUrl) {
    const clientId = values['client-id'] ?? io.env.UPSTREAM_CLIENT_ID;
    const api = values.api ?? io.env.UPSTREAM_API;
    if (!clientId || !api)
      throw usage('Managed login needs --client-id and --api too (the stack outputs).', 'login');
    const session = await signIn({ authUrl, clientId, api, tell: (line) => io.stderr.write(`${line}\n`) });
    const file = saveSession(io.env, session);
    io.stderr.write(`Signed in as ${session.username} to ${session.api} (session kept in ${file}).\n`);
    return 0;
  }
  const consoleUrl = values.console ?? io.env.UPSTREAM_CONSOLE ?? 'http://127.0.0.1:3001';
  let username = values.user;
  if (!username) {
    const users = await demoUsers(consoleUrl).catch(() => {
      throw new CliError(`Could not reach the local console at ${consoleUrl}. Is \`npm start\` running?`);
    });
    io.stderr.write(
      `Demo users:\n${users.map((u, i) => `  ${i + 1}. ${u.username.padEnd(22)} ${u.description}`).join('\n')}\n`,
    );
    if (!io.stderr.isTTY) throw usage('Choose one with --user.', 'login');
    const prompt = createInterface({ input: process.stdin, output: io.stderr as NodeJS.WritableStream });
    const answer = (await prompt.question('Sign in as (number or name): ')).trim();
    prompt.close();
    username = users[Number(answer) - 1]?.username ?? answer;
  }
  const session = await loginLocal(consoleUrl, username);
  const file = saveSession(io.env, session);
  io.stderr.write(`Signed in as ${username} to ${session.api} (session kept in ${file}).\n`);
  return 0;
}

const MACHINE_OPTIONS = {
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  auth: { type: 'string' },
  api: { type: 'string' },
} as const;

/** Machine credentials from the options or the environment, or undefined when neither names a client. */
function machineCredentials(
  values: { 'client-id'?: string; 'client-secret'?: string; auth?: string; api?: string },
  env: NodeJS.ProcessEnv,
): MachineCredentials | undefined {
  const clientId = values['client-id'] ?? env.UPSTREAM_CLIENT_ID;
  if (!clientId) return undefined;
  const clientSecret = values['client-secret'] ?? env.UPSTREAM_CLIENT_SECRET;
  const authUrl = values.auth ?? env.UPSTREAM_AUTH;
  const api = values.api ?? env.UPSTREAM_API;
  if (!clientSecret)
    throw usage('Give the client secret in UPSTREAM_CLIENT_SECRET (or --client-secret).', 'submit');
  if (!authUrl)
    throw usage(
      'Say where to ask for a token with --auth (the stack’s SignInUrl) or UPSTREAM_AUTH.',
      'submit',
    );
  if (!api)
    throw usage('Say which API to send to with --api (the stack’s ApiUrl) or UPSTREAM_API.', 'submit');
  return { clientId, clientSecret, authUrl, api };
}

async function submit(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...RETURN_OPTIONS, ...MACHINE_OPTIONS },
  });
  const { returnType, collectionYear } = parseReturn(values, 'submit');
  const format = parseFormat(values.format, 'submit');
  checkFiles(positionals, 'submit');
  const machine = machineCredentials(values, io.env);
  const session = machine ? await machineSession(machine) : await savedSession(io);
  const view = await submitFiles(
    session,
    {
      returnType,
      collectionYear,
      ...(values.la ? { la: values.la } : {}),
      files: positionals,
      previousFiles: previousYearFiles(values.previous, returnType, 'submit'),
    },
    (line) => io.stderr.write(`${line}\n`),
  );
  const status = view.outcome?.status ?? view.status;
  if (status === 'duplicate') {
    io.stdout.write(`${view.outcome?.summary ?? 'These files were sent before.'}\n`);
    return 0;
  }
  const json = await report(session, view.submissionId, 'json');
  print(io, format, json, format === 'csv' ? await report(session, view.submissionId, 'csv') : undefined);
  return exitCodeFor(status);
}

async function status(args: string[], io: Io, session: Session): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const body = positionals[0] ? await submission(session, positionals[0]) : await submissions(session);
  io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

async function reportCommand(args: string[], io: Io, session: Session): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' } },
  });
  const id = positionals[0];
  if (!id) throw usage('Name the submission.', 'report');
  const format = parseFormat(values.format, 'report');
  if (format === 'csv') io.stdout.write(await report(session, id, 'csv'));
  else print(io, format, await report(session, id, 'json'));
  return 0;
}

async function generate(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      type: { type: 'string' },
      year: { type: 'string' },
      la: { type: 'string' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      faults: { type: 'string' },
      format: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = values.format ?? 'csv';
  const days = Number(values.days ?? '7');
  if (!Number.isInteger(days) || days < 0 || days > 366)
    throw usage('--days must be a whole number of days from 0 to 366.', 'generate');
  if (format !== 'csv' && format !== 'xml') throw usage('--format must be csv or xml.', 'generate');
  const { returnType, collectionYear } = parseReturn(values, 'generate');
  if (!values.la || !findCouncil(values.la))
    throw usage('Say which council with --la, e.g. --la 886 for Kent.', 'generate');
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(seed) || seed < 0)
    throw usage('--seed must be a whole number, e.g. --seed 7.', 'generate');
  const scale = Number(values.scale ?? '1');
  if (!(scale > 0 && scale <= 10)) throw usage('--scale must be a number above 0 and up to 10.', 'generate');
  if (!values.out) throw usage('Say where to write the files with --out DIR.', 'generate');
  const faults = (values.faults ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const started = performance.now();
  let files: GeneratedFile[];
  try {
    files = generateReturn(
      { returnType, collectionYear, la: values.la, seed, scale, faults, format, days },
      loadNationalBaseline(),
    );
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(error.message);
    throw error;
  }
  mkdirSync(values.out, { recursive: true });
  for (const file of files) {
    const target = path.join(values.out, file.name);
    writeFileSync(target, file.content);
    io.stdout.write(`${target}\n`);
  }
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  io.stderr.write(
    `Wrote ${files.length} file${files.length === 1 ? '' : 's'} (${(bytes / 1_048_576).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s. Made-up data: do not mix with real returns.\n`,
  );
  return 0;
}

async function dlq(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { stack: { type: 'string' }, max: { type: 'string' } },
  });
  const [action, wanted] = positionals;
  if (!action || !['list', 'show', 'redrive'].includes(action))
    throw usage('Say what to do: list, show or redrive.', 'dlq');
  const max = Number(values.max ?? (action === 'redrive' ? 1000 : 10));
  if (!Number.isInteger(max) || max < 1) throw usage('--max must be a whole number above 0.', 'dlq');
  const sqs = sqsFromEnvironment(io.env);
  try {
    const queues = await listDeadLetterQueues(
      sqs,
      values.stack ?? io.env.UPSTREAM_STACK ?? 'Upstream-',
    ).catch((error: Error) => {
      throw new CliError(
        `Could not list the queues (${error.name}: ${error.message}). Check your AWS credentials, AWS_REGION and, for the local cloud, AWS_ENDPOINT_URL_SQS.`,
      );
    });
    if (action === 'list') {
      io.stdout.write(renderQueues(queues));
      return 0;
    }
    if (!wanted) throw usage(`Name the queue to ${action}.`, 'dlq');
    const queue = chooseDeadLetterQueue(queues, wanted);
    if (action === 'show') {
      io.stdout.write(renderDeadLetters(queue, await peekDeadLetters(sqs, queue, max)));
      return 0;
    }
    const outcome = await redriveDeadLetters(sqs, queue, max);
    io.stdout.write(
      `Moved ${outcome.moved} message${outcome.moved === 1 ? '' : 's'} from ${queue.name} back to ${queue.source?.name}.${outcome.leftPoison ? ` Left ${outcome.leftPoison} poison message${outcome.leftPoison === 1 ? '' : 's'} in place: read them with \`upstream dlq show\`.` : ''}\n`,
    );
    return 0;
  } finally {
    sqs.destroy();
  }
}

/** The saved session (or UPSTREAM_API and UPSTREAM_TOKEN), its token refreshed first if it is about to expire. */
function savedSession(io: Io): Promise<Session> {
  return freshSession(loadSession(io.env), (refreshed) => saveSession(io.env, refreshed));
}

async function logout(io: Io): Promise<number> {
  const file = sessionFile(io.env);
  if (!existsSync(file)) {
    io.stderr.write('You were not signed in on this machine.\n');
    return 0;
  }
  const saved = loadSession({ ...io.env, UPSTREAM_TOKEN: undefined });
  rmSync(file, { force: true });
  const revoked = await revokeSession(saved);
  io.stderr.write(
    `Signed out${saved.username ? ` ${saved.username}` : ''}: the session on this machine is deleted${revoked === false ? ', but its refresh token could not be revoked (it expires within twelve hours)' : ''}.\n`,
  );
  return 0;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command = '', ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === '' || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(`${HELP[rest[0] ?? ''] ?? HELP['']}\n`);
      return command === '' ? 1 : 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      if (!(command in HELP)) throw usage(`Unknown command "${command}".`);
      io.stdout.write(`${HELP[command]}\n`);
      return 0;
    }
    switch (command) {
      case 'validate':
        return await validate(rest, io);
      case 'login':
        return await login(rest, io);
      case 'logout':
        return await logout(io);
      case 'submit':
        return await submit(rest, io);
      case 'status':
        return await status(rest, io, await savedSession(io));
      case 'report':
        return await reportCommand(rest, io, await savedSession(io));
      case 'generate':
        return await generate(rest, io);
      case 'dlq':
        return await dlq(rest, io);
      default:
        throw usage(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`upstream: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`upstream: ${error.message}\n\n${HELP[command] ?? HELP['']}\n`);
      return 1;
    }
    throw error;
  }
}
