import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** How a process ended. */
export interface ProcessExit {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Date.now() when the exit was seen. */
  at: number;
}

/** What to start. */
export interface OwnedProcessOptions {
  /** Short name for messages (`kafka`, `correlator#2`). */
  name: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** stdout and stderr are appended to this file (written by the child directly, so nothing is lost if the test dies). */
  logFile: string;
}

const live = new Set<OwnedProcess>();
let guardFile: string | undefined;

/** Rewrites the PID file the orphan guard reads (one PID per line). */
function writeGuardFile(): void {
  if (!guardFile) return;
  writeFileSync(guardFile, [...live].map((p) => `${p.pid}\n`).join(''));
}

/** Last lines of a log file, for error messages. */
export function logTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * A child process this test run started and must stop: stopped and killed by its PID, its output in a log file.
 * Every live one is registered, so {@link stopAllOwnedProcesses} (afterAll) and the orphan guard (when the test
 * process itself dies) can end it.
 */
export class OwnedProcess {
  readonly pid: number;
  readonly startedAt = Date.now();
  /** Resolves when the process has ended. */
  readonly exited: Promise<ProcessExit>;
  private exit?: ProcessExit;

  private constructor(readonly options: OwnedProcessOptions) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const fd = openSync(options.logFile, 'a');
    try {
      const child = spawn(options.command, [...options.args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', fd, fd],
      });
      if (child.pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
      this.pid = child.pid;
      let settle: (exit: ProcessExit) => void = () => undefined;
      this.exited = new Promise<ProcessExit>((resolve) => {
        settle = resolve;
      });
      const ended = (code: number | null, signal: NodeJS.Signals | null) => {
        if (this.exit) return;
        this.exit = { code, signal, at: Date.now() };
        live.delete(this);
        writeGuardFile();
        settle(this.exit);
      };
      child.once('exit', ended);
      // A spawn error after start (e.g. the binary vanished) may come without 'exit': count it as exit code 127.
      child.once('error', () => ended(127, null));
    } finally {
      closeSync(fd);
    }
    live.add(this);
    writeGuardFile();
  }

  /** Starts the process. */
  static start(options: OwnedProcessOptions): OwnedProcess {
    return new OwnedProcess(options);
  }

  get name(): string {
    return this.options.name;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** The exit, once it happened. */
  get exitStatus(): ProcessExit | undefined {
    return this.exit;
  }

  /** Sends a signal to the PID (no-op once it has exited). */
  signal(signal: NodeJS.Signals): void {
    if (!this.running) return;
    try {
      process.kill(this.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  /**
   * Sends `signal` and waits for the exit; after `timeoutMs` it kills with SIGKILL. Resolves with the exit
   * and whether the kill was needed.
   */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<ProcessExit & { forced: boolean }> {
    if (this.exit) return { ...this.exit, forced: false };
    this.signal(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const first = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (first !== 'timeout') return { ...first, forced: false };
    this.signal('SIGKILL');
    return { ...(await this.exited), forced: true };
  }

  /** kill -9 and wait until it is gone. */
  async kill(): Promise<ProcessExit> {
    this.signal('SIGKILL');
    return this.exited;
  }

  /** Rejects with the log tail if the process exits before `promise` settles. */
  async whileRunning<T>(promise: Promise<T>, what: string): Promise<T> {
    const died = this.exited.then((exit) => {
      throw new Error(
        `${this.name} (PID ${this.pid}) exited (code ${exit.code}, signal ${exit.signal}) while ${what}; log ${this.options.logFile}:\n${logTail(this.options.logFile)}`,
      );
    });
    return Promise.race([promise, died]);
  }
}

/** Kills every process this test run started that is still alive (SIGKILL) and waits for them. */
export async function stopAllOwnedProcesses(): Promise<string[]> {
  const victims = [...live];
  for (const p of victims) p.signal('SIGKILL');
  await Promise.all(victims.map((p) => p.exited));
  return victims.map((p) => `${p.name} (PID ${p.pid})`);
}

/** Names and PIDs of the processes still alive. */
export function liveOwnedProcesses(): string[] {
  return [...live].map((p) => `${p.name} (PID ${p.pid})`);
}

/**
 * Starts a detached watchdog that SIGKILLs every PID listed in `pidFile` once this process is gone (e.g. jest
 * killed by a CI timeout), so no java/influxd/postgres outlives the suite, then removes the folder of `pidFile`
 * (the suite's temporary data). Returns a function that ends the guard.
 */
export function startOrphanGuard(pidFile: string): () => void {
  guardFile = pidFile;
  mkdirSync(dirname(pidFile), { recursive: true });
  writeGuardFile();
  const script = `
    const fs = require('node:fs');
    const [parent, file] = process.argv.slice(1);
    const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
    const timer = setInterval(() => {
      if (alive(Number(parent))) return;
      clearInterval(timer);
      let pids = [];
      try { pids = fs.readFileSync(file, 'utf8').split('\\n').filter(Boolean).map(Number); } catch {}
      for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch {} }
      setTimeout(() => {
        try { fs.rmSync(require('node:path').dirname(file), { recursive: true, force: true }); } catch {}
        process.exit(0);
      }, 1000);
    }, 500);`;
  const guard = spawn(process.execPath, ['-e', script, String(process.pid), pidFile], { detached: true, stdio: 'ignore' });
  guard.unref();
  const exitHook = () => {
    for (const p of live) p.signal('SIGKILL');
  };
  process.once('exit', exitHook);
  return () => {
    process.removeListener('exit', exitHook);
    if (guard.pid !== undefined) {
      try {
        process.kill(guard.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    guardFile = undefined;
  };
}
