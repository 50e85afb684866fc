// CLI: a progress bar on stderr while a large return is checked. Only on a terminal (never when piped or under
// CI, where a log would fill with carriage returns), redrawn at most ten times a second.

/** Files smaller than this are checked in about a second: no bar. */
export const PROGRESS_MIN_BYTES = 5 * 1_048_576;

export function progressLine(done: number, total: number, width = 30): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${mb(done)} of ${mb(total)} MB checked`;
}

export interface ProgressBar {
  readonly update: (done: number, total: number) => void;
  readonly finish: () => void;
}

export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): ProgressBar | undefined {
  if (!stream.isTTY || env.CI) return undefined;
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (total < PROGRESS_MIN_BYTES) return;
      const at = now();
      if (at - last < 100 && done < total) return;
      last = at;
      drawn = true;
      stream.write(`\r${progressLine(done, total)}`);
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
