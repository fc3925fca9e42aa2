const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Options of {@link waitFor}. */
export interface WaitOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeoutMs: number;
  /** Pause between checks (default 250 ms). */
  intervalMs?: number;
}

/**
 * Calls `check` until it returns a value other than undefined/false and returns that value; rejects after
 * `timeoutMs` with `what` and the last result or error of the check.
 */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no check finished';
  for (;;) {
    try {
      const result = await check();
      if (result !== undefined && result !== false) return result;
      last = `last result: ${String(result)}`;
    } catch (error) {
      last = `last error: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() >= deadline) throw new Error(`${options.what}: not reached within ${options.timeoutMs} ms (${last})`);
    await sleep(options.intervalMs ?? 250);
  }
}

export { sleep };
