import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('defaults point at localhost services', () => {
    const c = loadConfig({});
    expect(c.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(c.INFLUX_URL).toBe('http://127.0.0.1:8086');
    expect(c.INFLUX_DATABASE).toBe('cellscope');
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/cellscope');
    expect(c.API_PORT).toBe(3000);
    expect(c.GRPC_PORT).toBe(50051);
  });

  it.each([
    ['API_PORT', 'abc'],
    ['API_PORT', '70000'],
    ['KAFKA_BROKERS', 'not a broker'],
    ['DATABASE_URL', 'mysql://x'],
    ['INFLUX_URL', 'ftp://influx'],
    ['CELLSCOPE_BUS', 'rabbit'],
    ['CELLSCOPE_API_KEYS', 'short:handler'],
    ['CELLSCOPE_API_KEYS', 'longenoughkey:superuser'],
    ['NOTIFIER_QUIET_HOURS', '22-08'],
    ['LOG_PRETTY', 'maybe'],
    ['KAFKA_SESSION_TIMEOUT_MS', '5999'],
    ['KAFKA_SESSION_TIMEOUT_MS', '300001'],
    ['KAFKA_SESSION_TIMEOUT_MS', '30s'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toContain(variable);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('parses lists, numbers and booleans from strings', () => {
    const c = loadConfig({ KAFKA_BROKERS: 'a:1, b:2', API_PORT: '8080', LOG_PRETTY: 'true', CELLSCOPE_API_KEYS: 'abcdefgh:noc,ijklmnop:handler' });
    expect(c.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(c.API_PORT).toBe(8080);
    expect(c.LOG_PRETTY).toBe(true);
  });
});
