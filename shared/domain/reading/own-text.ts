// Domain helper: a value that keeps nothing else alive.
//
// V8 may hold a string cut from a longer one (13 characters or more; shorter ones it copies) as a slice that
// keeps the longer one alive. A value read by the XML parser is cut from the chunk of text it was read in
// (64K characters), so a value kept for the whole return (an identifier compared across children, a finding)
// would keep its chunk, and keeping one a child kept the whole file. Readers pass their values through this.

/** The same characters, in a string of their own (copied only when V8 could have sliced it). */
export function ownText(value: string): string {
  if (value.length < 13) return value;
  const utf8 = Buffer.from(value, 'utf8');
  // ASCII back as one byte a character (as V8 held it); anything else exactly, as UTF-16.
  return utf8.length === value.length
    ? utf8.toString('latin1')
    : Buffer.from(value, 'utf16le').toString('utf16le');
}
