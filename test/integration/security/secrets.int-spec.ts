import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { Logger } from '@nestjs/common';
import { stackEndpoints } from '@cellscope/testing/stack';
import { ApiTestApp, freePort, startApiTestApp, TEST_KEYS, uniqueSuffix } from '../api/support/api-test-app';
import { ApiOperation, ApiSamples, concretePath, fetchApiOperations, seedApiSamples } from './support/api-surface';
import { scanSources, scanText } from './support/credential-scan';
import { CellscopeGrpcTestClient } from './support/grpc-test-client';

/** Distinctive secrets given to the app through configuration only. */
const SECRETS = {
  influxToken: 'influx-token-Q7vN3kP9xZ2m',
  influxPassword: 'influx-pass-W4tR8yU1oP6a',
  databasePassword: 'pg-pass-H5jK2lM9nB3v',
};

/**
 * Secrets come from configuration and stay there: API keys, the InfluxDB token and password and the database
 * password never appear in a log line, an error body, the health, metrics or OpenAPI documents, also when the
 * InfluxDB they are meant for is unreachable and every KPI call fails; and no credential is written into the sources.
 */
describe('security: secrets only from configuration, never in logs or answers', () => {
  let api: ApiTestApp;
  let samples: ApiSamples;
  let operations: ApiOperation[];
  const suffix = uniqueSuffix();
  const bodies: string[] = [];

  beforeAll(async () => {
    // PostgreSQL on this machine trusts local connections, so a password in the URL is accepted and ignored; InfluxDB
    // is pointed at a port nothing listens on, so every KPI call takes its error path with the credentials in hand.
    const deadInflux = `http://127.0.0.1:${await freePort()}`;
    api = await startApiTestApp({
      env: {
        CELLSCOPE_KPI_STORE: 'influx',
        INFLUX_URL: deadInflux,
        INFLUX_TOKEN: SECRETS.influxToken,
        INFLUX_USERNAME: 'cellscope',
        INFLUX_PASSWORD: SECRETS.influxPassword,
        INFLUX_TIMEOUT_MS: '500',
        LOG_LEVEL: 'debug',
      },
      databaseUrl: (url) => withPassword(url, SECRETS.databasePassword),
    });
    // The KPIs would go to the dead InfluxDB: only the PostgreSQL part of the samples is stored.
    samples = await seedApiSamples(api, suffix, { kpis: false });
    operations = await fetchApiOperations(api.baseUrl);
  });

  afterAll(async () => {
    await api?.close();
  });

  function withPassword(url: string, password: string): string {
    const parsed = new URL(url);
    parsed.password = password;
    return parsed.toString();
  }

  it('keeps every secret out of every answer and every log line, also when a dependency fails', async () => {
    const keys = Object.values(TEST_KEYS);
    for (const operation of operations) {
      for (const key of [...keys, 'wrong-key-that-is-long-enough', undefined]) {
        const body = operation.bodySchema ? JSON.stringify(samples.bodies[operation.bodySchema]()) : undefined;
        const response = await fetch(`${api.baseUrl}${concretePath(operation, samples.pathParams)}`, {
          method: operation.method,
          headers: { ...(key ? { 'X-API-Key': key } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
          body,
        });
        bodies.push(`${operation.name} ${response.status} ${await response.text()}`);
      }
    }
    for (const path of ['/health/live', '/health/ready', '/metrics', '/api/docs-json', '/']) bodies.push(`${path} ${await (await fetch(`${api.baseUrl}${path}`)).text()}`);
    const grpc = new CellscopeGrpcTestClient(api.grpcAddress);
    try {
      for (const method of grpc.methodNames) {
        for (const key of [TEST_KEYS.admin, 'wrong-key-that-is-long-enough']) {
          const answer = await grpc.call(method, samples.grpcRequests[method], key);
          bodies.push(`${method} ${status[answer.code]} ${answer.details} ${JSON.stringify(answer.response ?? {})}`);
        }
      }
    } finally {
      grpc.close();
    }
    new Logger('SecretsProbe').error(new Error('a dependency failed'));

    // The dead InfluxDB was really used: some answers are failures (so the error paths ran).
    expect(bodies.some((b) => / 50[03] /.test(b))).toBe(true);
    expect(bodies.find((b) => b.startsWith('/health/ready'))).toContain('influxdb');
    const logText = api.log.text;
    expect(logText.split('\n').length).toBeGreaterThan(50);
    const secrets = [...Object.values(SECRETS), ...keys, 'wrong-key-that-is-long-enough'];
    const inBodies = secrets.filter((secret) => bodies.some((b) => b.includes(secret)));
    const inLog = secrets.filter((secret) => logText.includes(secret));
    // Basic auth of the InfluxDB user would carry the password base64-encoded.
    const encoded = Buffer.from(`cellscope:${SECRETS.influxPassword}`).toString('base64');
    expect({ inBodies, inLog, encodedInLog: logText.includes(encoded) }).toEqual({ inBodies: [], inLog: [], encodedInLog: false });
  });

  it('finds no credential written into the sources of libs/ and apps/', () => {
    const { files, findings } = scanSources(join(__dirname, '../../..'), ['libs', 'apps']);
    expect(files).toBeGreaterThan(100);
    expect(findings).toEqual([]);
  });

  it('has a scanner that does recognise credentials (so the scan above can fail)', () => {
    const planted = [
      "const password = 'hunter2hunter2';",
      "  apiKey: 'a1b2c3d4e5f6',",
      "const url = 'postgres://app:s3cret@db:5432/cellscope';",
      '-----BEGIN RSA PRIVATE KEY-----',
      "const aws = 'AKIAIOSFODNN7EXAMPLE';",
      "headers.Authorization = 'Token abcdefghijklmnopqrstuv';",
      "const keys = 'ops-key-123456:admin';",
    ];
    for (const line of planted) expect({ line, found: scanText('planted.ts', line).length > 0 }).toEqual({ line, found: true });
    for (const line of ["const password = config.INFLUX_PASSWORD;", "url: 'postgres://postgres@127.0.0.1:5432/cellscope'", "if (!this.options.token) return;"]) {
      expect({ line, found: scanText('clean.ts', line) }).toEqual({ line, found: [] });
    }
    expect(stackEndpoints().databaseUrl).not.toContain(SECRETS.databasePassword);
  });
});
