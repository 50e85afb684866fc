// Domain: remembering a pure function's results for texts a return repeats (dates, postcodes), so each
// distinct text is worked out once. All is forgotten past a bound, to keep memory flat on any input.

const DEFAULT_LIMIT = 50_000;

export function remembered<T>(compute: (text: string) => T, limit = DEFAULT_LIMIT): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    // A result of undefined would be worked out again each time (null is remembered).
    let result = results.get(text);
    if (result === undefined) {
      result = compute(text);
      if (results.size >= limit) results.clear();
      results.set(text, result);
    }
    return result;
  };
}
