// Domain: the S3 key convention for raw uploads, uploads/{la}/{returnType}/{year}/{submissionId}/{file}.
import { findCouncil } from './councils.ts';
import { isReturnType, RETURN_TYPES, type ReturnType, yearRefusal } from './returns/catalogue.ts';

export interface UploadKey {
  readonly la: string;
  readonly returnType: ReturnType;
  /** The year in which the return's reporting period ends (e.g. 2025 for April 2024 to March 2025). */
  readonly collectionYear: number;
  readonly submissionId: string;
  readonly fileName: string;
}

export type UploadKeyResult = { ok: true; key: UploadKey } | { ok: false; reason: string };

const SUBMISSION_ID = /^[0-9A-Za-z-]{8,64}$/;

/** Parses an object key that has already been URL-decoded. Reasons are worded for a council data officer. */
export function parseUploadKey(key: string, now = new Date()): UploadKeyResult {
  const parts = key.split('/');
  if (parts.length !== 6 || parts[0] !== 'uploads') {
    return {
      ok: false,
      reason: `The file was stored at "${key}", which is not a place returns are accepted from. Files must be uploaded through the submission service.`,
    };
  }
  const [, la, returnType, year, submissionId, fileName] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!findCouncil(la)) {
    return { ok: false, reason: `"${la}" is not the number of an English council with children's services.` };
  }
  if (!isReturnType(returnType)) {
    return {
      ok: false,
      reason: `"${returnType}" is not a return we accept. Accepted returns: ${RETURN_TYPES.join(', ')}.`,
    };
  }
  const collectionYear = Number(year);
  if (!/^\d{4}$/.test(year)) return { ok: false, reason: `"${year}" is not a collection year.` };
  const refusal = yearRefusal(returnType, collectionYear, now);
  if (refusal) return { ok: false, reason: refusal };
  if (!SUBMISSION_ID.test(submissionId)) {
    return { ok: false, reason: `"${submissionId}" is not a valid submission reference.` };
  }
  if (fileName.length === 0 || fileName.startsWith('.')) {
    return { ok: false, reason: 'The file has no name.' };
  }
  return {
    ok: true,
    key: { la, returnType, collectionYear, submissionId, fileName },
  };
}
