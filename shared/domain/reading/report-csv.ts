// Domain: the cells of every report's CSV form (each return type's report is written with these), safe to open
// in a spreadsheet.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: a value a spreadsheet would run as a formula (starting = + - @, tab or carriage return)
 * gets a leading apostrophe; then RFC 4180 quoting (double quotes around values with a comma, quote or
 * line break, inner quotes doubled).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
