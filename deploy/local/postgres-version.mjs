// Prints the server_version of the PostgreSQL server at the given URL (database `postgres`)
// and exits 0; exits 1 when it cannot connect. Used by deploy/local/up.
// Usage: node deploy/local/postgres-version.mjs postgres://postgres@127.0.0.1:5432/postgres
import pg from 'pg';

const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const result = await client.query('SHOW server_version');
  console.log(result.rows[0].server_version);
  await client.end();
  process.exit(0);
} catch (error) {
  console.error(`PostgreSQL at ${url} did not answer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
