import { buildScenario } from '../scenario';
import { summarizeScenario } from '../scenario-summary';
import { deliverScenario } from '../sinks/scenario-delivery';
import { ScenarioSink } from '../sinks/scenario-sink';
import { formatScenarioSummary } from './scenario-summary.formatter';
import { parseSimCliArgs, SIM_CLI_USAGE, SimCliOptions, SimCliUsageError } from './sim-cli-options';
import { createTargetSink } from './target-sink.factory';

/** The outside world of the CLI: output streams, the wall clock, waiting, and whether the user asked to stop. */
export interface SimCliIo {
  out(text: string): void;
  err(text: string): void;
  now(): Date;
  sleep(ms: number): Promise<void>;
  stopRequested(): boolean;
}

/** How the CLI gets its sink (replaceable in tests). */
export type SinkFactory = (options: SimCliOptions) => Promise<ScenarioSink>;

const TICK_MS = 1000;

/**
 * The simulator CLI: parses the arguments, builds the scenario, delivers it to the target with progress on
 * stderr, prints the summary on stdout, and with --follow keeps delivering live data every second (at --speed).
 * Returns the exit code: 0 done, 1 delivery failed, 2 bad arguments.
 */
export async function runSimCli(argv: readonly string[], io: SimCliIo, sinkFactory: SinkFactory = createTargetSink): Promise<number> {
  let options: SimCliOptions;
  try {
    options = parseSimCliArgs(argv);
  } catch (error) {
    if (!(error instanceof SimCliUsageError)) throw error;
    io.err(`${error.message}\n\n${SIM_CLI_USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(SIM_CLI_USAGE);
    return 0;
  }

  const now = options.now ?? new Date(Math.floor(+io.now() / 60_000) * 60_000);
  const started = +io.now();
  const scenario = buildScenario({
    seed: options.seed,
    now,
    sites: options.sites,
    subscribers: options.subscribers,
    tickets: options.tickets,
    historyHours: options.days * 24,
  });
  io.err(`[sim] scenario built in ${+io.now() - started} ms`);

  let sink: ScenarioSink | undefined;
  try {
    sink = await sinkFactory(options);
    const delivered = await deliverScenario(scenario, sink, { progress: (line) => io.err(line) });
    const summary = summarizeScenario(scenario);
    io.out(options.json ? JSON.stringify({ ...summary, target: options.target, delivered }, null, 2) : `${formatScenarioSummary(summary)}\ndelivered to ${options.target}: ${JSON.stringify(delivered)}`);

    if (options.follow) {
      const stream = scenario.stream();
      const end = options.followMinutes === undefined ? Infinity : +now + options.followMinutes * 60_000;
      io.err(`[sim] following live at ${options.speed}× (Ctrl-C to stop)`);
      while (!io.stopRequested() && +stream.cursor < end) {
        await io.sleep(TICK_MS);
        const delta = stream.advanceTo(new Date(Math.min(end, +stream.cursor + TICK_MS * options.speed)));
        const counts = await deliverScenario(delta, sink);
        if (counts.kpis + counts.usage + counts.tickets > 0 || delta.faultsStarted.length > 0) {
          const faults = delta.faultsStarted.map((f) => `${f.kind} ${f.siteId}`).join(', ');
          io.err(
            `[sim] ${delta.to.toISOString()} +${counts.kpis} KPI intervals, +${counts.usage} usage, +${counts.tickets} ticket versions` +
              (delta.newTickets.length > 0 ? ` (${delta.newTickets.length} new)` : '') +
              (faults ? `; fault started: ${faults}` : ''),
          );
        }
      }
    }
    return 0;
  } catch (error) {
    io.err(`[sim] delivery failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await sink?.close().catch((error: Error) => io.err(`[sim] closing the sink failed: ${error.message}`));
  }
}
