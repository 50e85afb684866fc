// Domain: remembering a pure function's results for values a return repeats (postcodes, dates of birth as
// days), so each distinct value is worked out once. All is forgotten past a bound, to keep memory flat on
// any input.

const DEFAULT_LIMIT = 50_000;

export function remembered<K extends string | number, T>(
  compute: (key: K) => T,
  limit = DEFAULT_LIMIT,
): (key: K) => T {
  const results = new Map<K, T>();
  return (key) => {
    // A result of undefined would be worked out again each time (null is remembered).
    let result = results.get(key);
    if (result === undefined) {
      result = compute(key);
      if (results.size >= limit) results.clear();
      results.set(key, result);
    }
    return result;
  };
}
