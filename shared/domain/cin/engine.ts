// Domain: reading a whole CIN census upload (one XML file), checking its structure against the census year's
// schema, running the year's rules child by child and over the whole return. Pure: a stream in, a result out.
// Memory: one child at a time, plus what the council-level checks need (identifiers, to find duplicates).
import { dayFromParts } from '../dates.ts';
import { type ByteSource, peekBytes, releaseSource } from '../reading/bytes.ts';
import type { TextEncodingName } from '../reading/decode.ts';
import { type BlockingError, listInWords, plural, ReturnReadError } from '../reading/issues.ts';
import { otherCouncilRefusal } from '../returns/council-claim.ts';
import { type CinChild, type CinFinding, type CinHeader, type CinRuleContext, severityOf } from './model.ts';
import { cinRulesFor } from './rules/registry.ts';
import { cinSchemaForYear } from './schema.ts';
import { CIN_SCHEMA_DESCRIPTIONS, type CinSchemaKind, cinSchemaCode, readCinXml } from './xml-reader.ts';

export interface CinInputFile {
  readonly name: string;
  readonly body: ByteSource;
}

export interface CinReadOptions {
  readonly collectionYear: number;
  /** The council the return is submitted for: a header whose LEA names another council refuses the return. */
  readonly la?: string;
  /** Findings listed one by one (all are counted). Default 100,000. */
  readonly maxListedFindings?: number;
  /** Receives every child after its checks (to degrade and aggregate). */
  readonly onChild?: (child: CinChild, context: CinRuleContext) => void | Promise<void>;
}

export type CinNoticeKind =
  | 'encoding-windows-1252'
  | 'collection-name'
  | 'ignored-xml-element'
  | 'pre-proceedings'
  | 'previous-year'
  | 'rule-failed'
  | 'findings-truncated';

/** A council-level observation that does not stop processing. */
export interface CinNotice {
  readonly kind: CinNoticeKind;
  readonly severity: 'info' | 'warning';
  readonly file: string | null;
  readonly message: string;
}

export interface CinRuleCount {
  readonly code: string;
  readonly severity: 'error' | 'query';
  readonly module: string;
  readonly description: string;
  readonly count: number;
}

export interface CinCouncilIssue {
  /** A DfE rule code, or a kind of notice (e.g. "previous-year"). */
  readonly code: string;
  readonly severity: 'error' | 'query' | 'warning' | 'info';
  readonly line: number | null;
  readonly message: string;
}

interface Base {
  readonly collectionYear: number;
  readonly file: string | null;
  readonly notices: readonly CinNotice[];
}

export interface CinRejected extends Base {
  readonly status: 'rejected';
  readonly blocking: readonly BlockingError[];
}

export interface CinAccepted extends Base {
  readonly status: 'accepted';
  readonly schema: string;
  readonly header: CinHeader | null;
  readonly children: number;
  readonly findings: readonly CinFinding[];
  readonly counts: readonly CinRuleCount[];
  readonly councilIssues: readonly CinCouncilIssue[];
  readonly totalFindings: number;
}

export type CinReadResult = CinRejected | CinAccepted;

const DEFAULT_MAX_LISTED = 100_000;

export function cinContext(collectionYear: number): CinRuleContext {
  return {
    collectionYear,
    periodStart: dayFromParts(collectionYear - 1, 4, 1)!,
    periodEnd: dayFromParts(collectionYear, 3, 31)!,
  };
}

function rejected(
  collectionYear: number,
  file: string | null,
  blocking: BlockingError[],
  notices: CinNotice[] = [],
) {
  return { status: 'rejected', collectionYear, file, notices, blocking } satisfies CinRejected;
}

/** Descriptions of every code a report can hold: rules of the year and the schema checks. */
export function cinDescriptions(
  collectionYear: number,
): Map<string, { module: string; description: string }> {
  const rules = cinRulesFor(collectionYear);
  const map = new Map<string, { module: string; description: string }>();
  for (const rule of [...rules.child, ...rules.council])
    map.set(rule.code, { module: rule.module, description: rule.description });
  for (const kind of Object.keys(CIN_SCHEMA_DESCRIPTIONS) as CinSchemaKind[])
    map.set(cinSchemaCode(kind), { module: 'Schema', description: CIN_SCHEMA_DESCRIPTIONS[kind] });
  return map;
}

/**
 * Reads a CIN census upload. Rejects it (blocking errors: not one XML file, unreadable, DOCTYPE, not a CIN
 * census, no children) or accepts it with its schema and rule findings. The stream is consumed or released.
 */
export async function readCinReturn(
  files: readonly CinInputFile[],
  options: CinReadOptions,
): Promise<CinReadResult> {
  const year = options.collectionYear;
  if (files.length === 0)
    return rejected(year, null, [{ kind: 'no-files', file: null, message: 'No file was uploaded.' }]);
  if (files.length > 1) {
    for (const file of files) releaseSource(file.body);
    return rejected(year, null, [
      {
        kind: 'mixed-upload',
        file: null,
        message: `A CIN census return is one XML file; ${plural(files.length, 'file')} were uploaded (${listInWords(files.map((file) => file.name))}).`,
      },
    ]);
  }
  const file = files[0]!;
  const { head, chunks } = await peekBytes(file.body, 64);
  const start = head
    .toString('latin1')
    .replace(/^\u00EF\u00BB\u00BF|^\uFEFF/, '')
    .trimStart();
  if (!start.startsWith('<')) {
    releaseSource(file.body);
    const zip = head[0] === 0x50 && head[1] === 0x4b;
    return rejected(year, file.name, [
      {
        kind: 'unsupported-file',
        file: file.name,
        message: zip
          ? `"${file.name}" is a ZIP file. Upload the CIN census XML file itself.`
          : `"${file.name}" is not an XML file. The CIN census is sent as the XML file your case management system exports (it starts with <Message>).`,
      },
    ]);
  }

  const schema = cinSchemaForYear(year);
  const rules = cinRulesFor(year);
  const context = cinContext(year);
  const notices: CinNotice[] = [];
  const findings: CinFinding[] = [];
  const counts = new Map<string, number>();
  const max = options.maxListedFindings ?? DEFAULT_MAX_LISTED;
  let total = 0;
  const sink = (finding: CinFinding): void => {
    total++;
    counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
    if (findings.length < max) findings.push(finding);
  };
  const failures = new Map<string, number>();
  let header: CinHeader | null = null;
  let councilChecks: ReturnType<(typeof rules.council)[number]['start']>[] | null = null;
  let children = 0;
  let preProceedings = 0;
  const unknown: string[] = [];
  let encoding = 'utf-8' as TextEncodingName;

  try {
    for await (const item of readCinXml(chunks, {
      fileName: file.name,
      schema,
      onEncoding: (found) => {
        encoding = found;
      },
      onUnknownElement: (path, line) => unknown.push(`<${path}> (line ${line.toLocaleString('en-GB')})`),
      onPreProceedings: () => {
        preProceedings++;
      },
    })) {
      if (item.kind === 'header') {
        header = item.header;
        const refusal =
          options.la && otherCouncilRefusal(file.name, header.lea, options.la, "its header's <LEA>");
        if (refusal) throw refusal;
        for (const finding of item.findings) sink(finding);
        continue;
      }
      councilChecks ??= rules.council.map((rule) => rule.start(context, header));
      children++;
      const { child } = item;
      for (const finding of item.findings) sink(finding);
      for (const rule of rules.child) {
        try {
          for (const finding of rule.check(child, context)) sink(finding);
        } catch {
          failures.set(rule.code, (failures.get(rule.code) ?? 0) + 1);
        }
      }
      for (const check of councilChecks) check.add(child);
      if (options.onChild) {
        // Awaited only when it is asynchronous: a turn of the event loop per child adds up.
        const handled = options.onChild(child, context);
        if (handled) await handled;
      }
    }
  } catch (error) {
    if (!(error instanceof ReturnReadError)) throw error;
    releaseSource(file.body);
    return rejected(year, file.name, [error.toBlockingError()], notices);
  }
  if (children === 0) {
    return rejected(year, file.name, [
      {
        kind: 'missing-table',
        file: file.name,
        message: `"${file.name}" holds no <Child> records under <Children>, so there is nothing to check.`,
      },
    ]);
  }

  const councilIssues: CinCouncilIssue[] = [];
  rules.council.forEach((rule, index) => {
    for (const issue of councilChecks![index]!.finish()) {
      total++;
      counts.set(rule.code, (counts.get(rule.code) ?? 0) + 1);
      councilIssues.push({
        code: rule.code,
        severity: severityOf(rule.code),
        line: issue.line,
        message: issue.message,
      });
    }
  });
  if (encoding === 'windows-1252') {
    notices.push({
      kind: 'encoding-windows-1252',
      severity: 'info',
      file: file.name,
      message: `"${file.name}" is not saved as UTF-8; it was read as Windows-1252.`,
    });
  }
  if (header && header.collection !== '' && header.collection !== 'CIN') {
    notices.push({
      kind: 'collection-name',
      severity: 'warning',
      file: file.name,
      message: `The header names the collection "${header.collection}"; a CIN census file names "CIN".`,
    });
  }
  if (unknown.length > 0) {
    notices.push({
      kind: 'ignored-xml-element',
      severity: 'warning',
      file: file.name,
      message: `These elements are not part of the CIN census format and were not read: ${listInWords(unknown)}.`,
    });
  }
  if (preProceedings > 0) {
    notices.push({
      kind: 'pre-proceedings',
      severity: 'info',
      file: file.name,
      message: `${plural(preProceedings, 'pre-proceedings block')} ${preProceedings === 1 ? 'was' : 'were'} accepted and ${preProceedings === 1 ? 'its' : 'their'} dates checked; no census rule covers pre-proceedings yet.`,
    });
  }
  for (const [code, count] of failures) {
    notices.push({
      kind: 'rule-failed',
      severity: 'warning',
      file: null,
      message: `Check ${code} could not be completed for ${plural(count, 'child', 'children')}. This is a fault on our side; the other checks ran.`,
    });
  }
  if (total > findings.length + councilIssues.length) {
    notices.push({
      kind: 'findings-truncated',
      severity: 'info',
      file: null,
      message: `${plural(total, 'problem')} were found; the first ${findings.length.toLocaleString('en-GB')} are listed one by one and all are counted.`,
    });
  }

  const descriptions = cinDescriptions(year);
  const ruleCounts: CinRuleCount[] = [...counts]
    .map(([code, count]) => ({
      code,
      severity: severityOf(code),
      module: descriptions.get(code)?.module ?? '',
      description: descriptions.get(code)?.description ?? '',
      count,
    }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  return {
    status: 'accepted',
    collectionYear: year,
    file: file.name,
    schema: schema.xsd,
    header,
    children,
    findings,
    counts: ruleCounts,
    councilIssues,
    notices,
    totalFindings: total,
  };
}
