import { APP_CONFIG_KEYS } from '@cellscope/config';
import { OwnedProcess, ProcessExit } from './owned-process';
import { waitFor } from './wait-for';

/** How to start one correlator process. */
export interface CorrelatorLaunch {
  /** The compiled apps/correlator/src/main.js. */
  mainJs: string;
  /** cellscope settings (AppConfig names); nothing else of the test's environment reaches the process. */
  settings: Record<string, string>;
  logFile: string;
  name: string;
}

/** The child's environment: the test's, without any cellscope setting, plus `settings`. */
function correlatorEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of APP_CONFIG_KEYS) delete env[key];
  return { ...env, ...settings };
}

/**
 * The real correlator (`node .build-faults/apps/correlator/src/main.js`) as a child process, with its JSON logs in
 * a file. Started, killed (-9) and terminated (SIGTERM) by PID.
 */
export class CorrelatorProcess {
  private constructor(
    readonly process: OwnedProcess,
    readonly healthUrl: string,
    /** Date.now() when /health/live first answered. */
    readonly readyAt: number,
  ) {}

  /** Starts the process and resolves once its HTTP health endpoint answers (Nest started, consumer running). */
  static async start(launch: CorrelatorLaunch): Promise<CorrelatorProcess> {
    const port = launch.settings.CORRELATOR_PORT;
    if (!port) throw new Error('CORRELATOR_PORT must be set for the health check');
    const process = OwnedProcess.start({
      name: launch.name,
      command: globalThis.process.execPath,
      args: [launch.mainJs],
      env: correlatorEnv(launch.settings),
      logFile: launch.logFile,
    });
    const healthUrl = `http://127.0.0.1:${port}/health/live`;
    await process.whileRunning(
      waitFor(
        async () => {
          const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2000) });
          return response.status === 200;
        },
        { what: `${launch.name} health at ${healthUrl}`, timeoutMs: 90_000, intervalMs: 200 },
      ),
      'starting',
    );
    return new CorrelatorProcess(process, healthUrl, Date.now());
  }

  get pid(): number {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.running;
  }

  /** kill -9: no shutdown hook runs, nothing more is committed. */
  kill(): Promise<ProcessExit> {
    return this.process.kill();
  }

  /** SIGTERM and wait for the exit (SIGKILL after `timeoutMs`, reported as forced). */
  terminate(timeoutMs = 60_000): Promise<ProcessExit & { forced: boolean }> {
    return this.process.stop('SIGTERM', timeoutMs);
  }
}
