// Domain: how a file says it holds last year's return (for the checks that compare two years): a name ending in
// "_last" or a previous/ folder in a ZIP. Shared by the API, the CLI and the SSDA903 reader.
const LAST_STEM = /[\s_-]last$/i;
const PREVIOUS_FOLDER = /(^|\/)previous\//i;

/** True when a file (or a ZIP entry's path) holds last year's return by its name. */
export function isPreviousYearFile(name: string): boolean {
  if (PREVIOUS_FOLDER.test(name)) return true;
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return LAST_STEM.test(dot === -1 ? base : base.slice(0, dot));
}

/** The name a file declared as last year's is sent under: "episodes.csv" becomes "episodes_last.csv". */
export function asPreviousYearName(name: string): string {
  if (isPreviousYearFile(name)) return name;
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? `${name}_last` : `${name.slice(0, dot)}_last${name.slice(dot)}`;
}
