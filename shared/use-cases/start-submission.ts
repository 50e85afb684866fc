// Use case: a council starts a submission. It declares its files; it gets one short-lived upload address
// per file, bound to the file's size, under its own council's part of the uploads bucket.
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { findCouncil } from '../domain/councils.ts';
import { listInWords } from '../domain/reading/issues.ts';
import {
  fileTooBig,
  isExpectedFile,
  notOneFile,
  RETURN_KINDS,
  RETURN_TYPES,
  returnKind,
  unexpectedFile,
  yearRefusal,
} from '../domain/returns/catalogue.ts';
import { isPreviousYearFile } from '../domain/returns/previous-year-files.ts';
import type { Role } from '../domain/roles.ts';
import type { NewSubmission, SubmissionStore } from '../ports/submissions.ts';
import { type Refusal, refuse, refuseInvalid } from './refusal.ts';

export const UPLOAD_URL_SECONDS = 15 * 60;
const ABANDONED_AFTER_SECONDS = 7 * 24 * 3600;
/** Every kind of file some return type is made of. */
const ACCEPTED_EXTENSIONS: readonly string[] = [
  ...new Set(Object.values(RETURN_KINDS).flatMap((kind) => kind.files.extensions)),
];
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,99}$/;

export function startSubmissionSchema(maxFileBytes: number, now: Date) {
  const file = z.object({
    name: z
      .string({ error: 'Each file needs a name.' })
      .regex(
        FILE_NAME,
        'File names may use letters, digits, spaces and . _ ( ) -, start with a letter or digit, and be at most 100 characters.',
      )
      .refine(
        (name) => ACCEPTED_EXTENSIONS.includes(/\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''),
        `Only ${listInWords(ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`))} files are accepted.`,
      ),
    size: z.number({ error: 'Each file needs its size in bytes.' }).int().positive('A file cannot be empty.'),
    // Bound into the upload address: storage refuses other bytes, and ingest checks them again before use.
    sha256: z
      .string({
        error:
          'Each file needs its SHA-256 checksum: 64 letters and digits, as "sha256sum" or PowerShell\'s "Get-FileHash" give it.',
      })
      .regex(
        /^[0-9a-fA-F]{64}$/,
        'A SHA-256 checksum is 64 letters (a to f) and digits, as "sha256sum" or PowerShell\'s "Get-FileHash" give it.',
      )
      .transform((value) => value.toLowerCase()),
  });
  return z
    .object({
      returnType: z.enum(RETURN_TYPES, {
        error: `Say which return this is: one of ${RETURN_TYPES.join(', ')}.`,
      }),
      collectionYear: z
        .number({ error: 'Say which collection year this is, e.g. 2026 for April 2025 to March 2026.' })
        .int('Say which collection year this is, e.g. 2026 for April 2025 to March 2026.'),
      /** Needed only by someone who can act for more than one council. */
      la: z.string().optional(),
      files: z
        .array(file)
        .min(1, 'List the files you are going to upload.')
        .max(20, 'Upload at most 20 files; a ZIP can hold the rest.'),
    })
    .superRefine((request, context) => {
      // Decided before anything is uploaded, for every return type, by the same rule the ingestion applies.
      const refusal = yearRefusal(request.returnType, request.collectionYear, now);
      if (refusal) context.addIssue({ code: 'custom', path: ['collectionYear'], message: refusal });
      const names = request.files.map((entry) => entry.name.toLowerCase());
      if (new Set(names).size !== names.length)
        context.addIssue({ code: 'custom', path: ['files'], message: 'Two files have the same name.' });
      // The files the return type is made of and their size, also decided before anything is uploaded.
      const kind = returnKind(request.returnType);
      request.files.forEach((entry, index) => {
        if (entry.size > maxFileBytes)
          context.addIssue({
            code: 'custom',
            path: ['files', index, 'size'],
            message: fileTooBig(request.returnType, entry.name, entry.size, maxFileBytes),
          });
      });
      const unexpected = request.files.find((entry) => !isExpectedFile(request.returnType, entry.name));
      if (unexpected)
        context.addIssue({
          code: 'custom',
          path: ['files'],
          message: unexpectedFile(request.returnType, unexpected.name),
        });
      else if (kind.files.oneFile && request.files.length > 1)
        context.addIssue({
          code: 'custom',
          path: ['files'],
          message: notOneFile(request.returnType, request.files.length),
        });
      // An SSDA903 return may bring last year's files alongside (names ending in "_last"), whatever its form.
      const thisYear =
        request.returnType === 'ssda903'
          ? request.files.filter((entry) => !isPreviousYearFile(entry.name))
          : request.files;
      const single = thisYear.filter((entry) => /\.(zip|xml)$/i.test(entry.name));
      if (!kind.files.oneFile && single.length > 0 && thisYear.length > 1) {
        context.addIssue({
          code: 'custom',
          path: ['files'],
          message: 'A ZIP or XML file holds the whole return: upload it on its own.',
        });
      }
    });
}

export type StartResult =
  | {
      ok: true;
      submission: NewSubmission;
      uploads: { fileName: string; key: string; size: number; sha256: string }[];
    }
  | Refusal;

function newSubmissionId(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `SUB-${day}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

export async function startSubmission(
  body: unknown,
  caller: { roles: readonly Role[]; subject: string },
  deps: { submissions: SubmissionStore; maxFileBytes: number; now: Date },
): Promise<StartResult> {
  const councils = caller.roles.flatMap((role) => (role.kind === 'council' ? [role.la] : []));
  if (councils.length === 0) return refuse(403, 'Only a council’s own data team can submit its returns.');
  const parsed = startSubmissionSchema(deps.maxFileBytes, deps.now).safeParse(body);
  if (!parsed.success) {
    return refuseInvalid(parsed.error.issues);
  }
  const request = parsed.data;
  const la = request.la ?? (councils.length === 1 ? councils[0]! : undefined);
  if (!la) return refuse(400, 'You can act for more than one council: say which one with "la".');
  if (!councils.includes(la)) {
    return refuse(403, `You cannot submit returns for ${findCouncil(la)?.name ?? `council ${la}`}.`);
  }
  const submissionId = newSubmissionId(deps.now);
  const submission: NewSubmission = {
    submissionId,
    la,
    returnType: request.returnType,
    collectionYear: request.collectionYear,
    declaredFiles: request.files,
    createdAt: deps.now.toISOString(),
    createdBy: caller.subject,
    expiresAt: Math.floor(deps.now.getTime() / 1000) + ABANDONED_AFTER_SECONDS,
  };
  await deps.submissions.createSubmission(submission);
  return {
    ok: true,
    submission,
    uploads: request.files.map((file) => ({
      fileName: file.name,
      size: file.size,
      sha256: file.sha256,
      key: `uploads/${la}/${request.returnType}/${request.collectionYear}/${submissionId}/${file.name}`,
    })),
  };
}
