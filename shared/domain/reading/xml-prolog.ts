// Domain: the safe start of every XML return (SSDA903, CIN census, workforce census). Before any text reaches
// an XML parser its prolog is checked: a DOCTYPE or ENTITY declaration is refused, so no entity can be defined.
import { ReturnReadError } from './issues.ts';

export interface XmlProlog {
  readonly fileName: string;
  /** The top element the return starts with, named when the file does not look like XML. */
  readonly root: string;
  /** What else the council can do, when the file does not look like XML (e.g. send CSV files instead). */
  readonly otherwise?: string;
  /** Longest prolog (before the first element) scanned for DOCTYPE/ENTITY (default 64 KiB). */
  readonly maxPrologChars?: number;
}

/** The refusal of a DOCTYPE or ENTITY declaration, wherever the reader meets one. */
export function doctypeRefused(fileName: string): ReturnReadError {
  return new ReturnReadError(
    'xml-doctype',
    `"${fileName}" starts with a document type declaration (<!DOCTYPE …> or <!ENTITY …>). For security we do ` +
      'not accept XML files that contain one. Export the return again without it, or ask your system supplier.',
    fileName,
  );
}

function notXml(prolog: XmlProlog): ReturnReadError {
  return new ReturnReadError(
    'xml-malformed',
    `"${prolog.fileName}" does not look like an XML file: it should start with <?xml …?> or <${prolog.root}>. ` +
      `Export the return again from your system as XML${prolog.otherwise ? `, ${prolog.otherwise}` : ''}.`,
    prolog.fileName,
  );
}

const WHITESPACE = /\s/;
const NAME_START = /[A-Za-z_:]/;

/**
 * Scans the prolog (everything before the first element) from `from`: returns where the first element
 * starts or, when more text is needed to tell, where to resume as -1 - position. Only the XML
 * declaration, processing instructions, comments and whitespace may come before the first element; any other markup declaration (<!DOCTYPE, <!ENTITY, …) is refused here, so the XML
 * parser never sees one: no entity can be defined, let alone expanded (XXE, "billion laughs").
 */
function scanProlog(text: string, from: number, prolog: XmlProlog): number {
  let at = from;
  while (at < text.length) {
    const char = text[at]!;
    if (WHITESPACE.test(char)) {
      at++;
      continue;
    }
    if (char !== '<') throw notXml(prolog);
    const rest = text.length - at;
    if (rest < 2) return -1 - at;
    const next = text[at + 1]!;
    if (next === '?') {
      const close = text.indexOf('?>', at + 2);
      if (close === -1) return -1 - at;
      at = close + 2;
    } else if (next === '!') {
      if (rest < 4 && '<!--'.startsWith(text.slice(at))) return -1 - at;
      if (!text.startsWith('<!--', at)) throw doctypeRefused(prolog.fileName);
      const close = text.indexOf('-->', at + 4);
      if (close === -1) return -1 - at;
      at = close + 3;
    } else if (NAME_START.test(next)) {
      return at;
    } else {
      throw notXml(prolog);
    }
  }
  return -1 - at;
}

/** Checks the prolog before any of the text reaches the XML parser, then passes the text through unchanged. */
export async function* refuseDoctype(
  text: AsyncIterable<string>,
  options: XmlProlog,
): AsyncGenerator<string> {
  const { fileName, maxPrologChars = 64 * 1024 } = options;
  let prolog = '';
  let resumeAt = 0;
  let checked = false;
  for await (const chunk of text) {
    if (checked) {
      yield chunk;
      continue;
    }
    prolog += chunk;
    const found = scanProlog(prolog, resumeAt, options);
    if (found < 0) resumeAt = -1 - found;
    else {
      checked = true;
      yield prolog;
      prolog = '';
    }
    if (!checked && prolog.length > maxPrologChars) {
      throw new ReturnReadError(
        'xml-malformed',
        `"${fileName}" does not look like an XML file: no element starts in its first ${maxPrologChars.toLocaleString('en-GB')} characters. ` +
          'Export the return again from your system as XML.',
        fileName,
      );
    }
  }
  // A file that ends inside its prolog: the parser reports what is wrong with it.
  if (!checked && prolog.length > 0) yield prolog;
}
