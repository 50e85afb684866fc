// Web app: sending a return from the browser. With JavaScript the page declares the files here (name, size,
// SHA-256), then puts each one straight to its presigned S3 address, so a return of any size the API allows
// never passes through CloudFront, API Gateway or Lambda. Without JavaScript the files come in the form post
// itself, which only works while the whole post fits in Lambda's payload limit.

/**
 * The most the form post without JavaScript may carry, all files together. API Gateway hands the body to
 * the function base64-encoded inside a 6 MiB event, so about 4.5 MiB of bytes is the hard ceiling; this
 * leaves room for the form's other fields, the headers and the cookies.
 */
export const NO_SCRIPT_UPLOAD_BYTES = 4 * 1024 * 1024;

/** Sizes as a council officer reads them: "3.2 MB", "640 KB"; rounded up, so over a limit never reads as on it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.ceil(bytes / ((1024 * 1024) / 10)) / 10).toString()} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a form post without JavaScript is too big, and what to do instead. */
export function noScriptTooLarge(totalBytes: number): string {
  return `These files are ${formatBytes(totalBytes)} together. Without JavaScript this form can take up to ${formatBytes(NO_SCRIPT_UPLOAD_BYTES)}. Turn JavaScript on in your browser and send the return again (it then goes straight to storage, whatever its size), or send it with the upstream command line tool.`;
}

export interface DeclaredFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface StartRequest {
  readonly returnType: string;
  readonly collectionYear: string;
  readonly files: DeclaredFile[];
}

/** The page script's declaration of a return, or what is wrong with it in words. */
export function readStartRequest(
  body: string,
): { ok: true; value: StartRequest } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {
      ok: false,
      message: 'The page sent something that is not a return. Reload the page and try again.',
    };
  }
  const value = (parsed ?? {}) as Record<string, unknown>;
  const files = Array.isArray(value.files) ? value.files : [];
  if (files.length === 0) return { ok: false, message: 'Choose the files of your return.' };
  const declared: DeclaredFile[] = [];
  for (const file of files as Record<string, unknown>[]) {
    const { name, size, sha256 } = file ?? {};
    if (
      typeof name !== 'string' ||
      typeof size !== 'number' ||
      typeof sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(sha256)
    ) {
      return {
        ok: false,
        message: 'The page could not describe one of the files. Reload the page and try again.',
      };
    }
    declared.push({ name, size, sha256 });
  }
  return {
    ok: true,
    value: {
      returnType: String(value.returnType ?? ''),
      collectionYear: String(value.collectionYear ?? ''),
      files: declared,
    },
  };
}

/** An empty year would reach the API as 0; say what is missing instead. */
export function missingYear(collectionYear: string): string | undefined {
  return collectionYear.trim() ? undefined : 'Enter the collection year, for example 2027.';
}
