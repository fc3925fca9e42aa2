/** Options of ProgressReporter. */
export interface ProgressReporterOptions {
  /** Receives each progress line (the CLI writes them to stderr). */
  write: (line: string) => void;
  /** Report at least every this many percent (default 10). */
  everyPercent?: number;
  /** …and at least every this many milliseconds (default 5,000). */
  everyMs?: number;
  /** Time source in ms (default Date.now). */
  clock?: () => number;
}

/** Reports the progress of a long delivery: a line every N % or every few seconds, whichever comes first, and at the end. */
export class ProgressReporter {
  private readonly started: number;
  private done = 0;
  private lastPercent = 0;
  private lastAt: number;
  private readonly clock: () => number;

  constructor(
    private readonly total: number,
    private readonly options: ProgressReporterOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.started = this.clock();
    this.lastAt = this.started;
  }

  /** Counts `n` more items done; `what` names the current step in the line. */
  advance(n: number, what: string): void {
    this.done += n;
    const percent = this.total > 0 ? (100 * this.done) / this.total : 100;
    const now = this.clock();
    const everyPercent = this.options.everyPercent ?? 10;
    const everyMs = this.options.everyMs ?? 5000;
    if (this.done >= this.total || percent - this.lastPercent >= everyPercent || now - this.lastAt >= everyMs) {
      this.lastPercent = percent;
      this.lastAt = now;
      const seconds = ((now - this.started) / 1000).toFixed(1);
      this.options.write(`[sim] ${percent.toFixed(0).padStart(3)}% ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} (${what}) ${seconds} s`);
    }
  }
}
