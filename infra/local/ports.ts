// Local cloud: which ports the local cloud may use. Node's fetch (and every browser) refuses the "bad ports" of
// the Fetch standard, so a local cloud on one of them would start and then fail on its first request.

/** The Fetch standard's port blocking list (https://fetch.spec.whatwg.org/#port-blocking). */
const BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** How many consecutive ports a base covers: API, console, S3/SQS, DynamoDB, SES. */
const PORTS_PER_BASE = 5;

/** Why a port cannot serve the local cloud, or undefined when it can (0 means "any free port"). */
export function portProblem(port: number): string | undefined {
  if (port === 0) return undefined;
  if (!Number.isInteger(port) || port < 1024 || port > 65535) return 'is not a port from 1024 to 65535';
  if (BAD_PORTS.has(port)) return 'is one that browsers and Node.js refuse to connect to ("bad port")';
  return undefined;
}

/** The first base at or after `from` whose ports are all usable. */
export function nextUsableBase(from: number): number {
  let base = Math.max(1024, Math.trunc(from));
  while (base + PORTS_PER_BASE - 1 <= 65535) {
    const problems = Array.from({ length: PORTS_PER_BASE }, (_, i) => portProblem(base + i));
    if (problems.every((problem) => problem === undefined)) return base;
    base += 1;
  }
  return 3000;
}

/** A message naming every unusable port of a base and the base to use instead, or undefined when all are fine. */
export function checkPortBase(base: number): string | undefined {
  const problems = Array.from({ length: PORTS_PER_BASE }, (_, i) => base + i)
    .map((port) => [port, portProblem(port)] as const)
    .filter(([, problem]) => problem !== undefined);
  if (problems.length === 0) return undefined;
  return [
    `UPSTREAM_PORT_BASE=${base} cannot be used: the local cloud needs ports ${base} to ${base + PORTS_PER_BASE - 1}, and`,
    ...problems.map(([port, problem]) => `  port ${port} ${problem}.`),
    `Use UPSTREAM_PORT_BASE=${nextUsableBase(base + 1)} instead.`,
  ].join('\n');
}
