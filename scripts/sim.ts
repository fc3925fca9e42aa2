/**
 * Network simulator CLI: `npm run sim -- --target kafka --days 2` (see docs/simulator.md).
 * Wires the process (arguments, streams, clock, Ctrl-C) to runSimCli.
 */
import { runSimCli } from '@cellscope/simulator';

let stop = false;
process.on('SIGINT', () => {
  if (stop) process.exit(130);
  stop = true;
});
process.on('SIGTERM', () => {
  stop = true;
});

runSimCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  stopRequested: () => stop,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
