import { formatStartupBanner, panelUrl, reachableHost } from './startup-banner';
import { standaloneConfig } from './standalone-config';

const fixedKeys = () => {
  const names = ['handler-key-123456', 'noc-key-1234567', 'admin-key-123456'];
  let n = 0;
  return () => names[n++];
};

describe('startup banner', () => {
  it('shows the panel with the handler key, OpenAPI, gRPC, the keys with roles and what is embedded', () => {
    const standalone = standaloneConfig({ API_PORT: '3300', GRPC_PORT: '50100' }, fixedKeys());
    const text = formatStartupBanner(standalone);
    expect(text).toContain('Panel      http://localhost:3300/?key=handler-key-123456');
    expect(text).toContain('OpenAPI    http://localhost:3300/api/docs');
    expect(text).toContain('gRPC       localhost:50100');
    expect(text).toMatch(/handler +handler-key-123456/);
    expect(text).toMatch(/noc +noc-key-1234567/);
    expect(text).toMatch(/admin +admin-key-123456/);
    expect(text).toMatch(/database +embedded PostgreSQL \(\.data\/postgres, 127\.0\.0\.1:54329, database cellscope_sim, reset at every start\)/);
    expect(text).toMatch(/bus +in-process bus/);
    expect(text).toMatch(/KPI store +in-memory KPI store/);
    expect(text).toMatch(/simulator +on: seed 42, 48 h of history, then live at 1× real time/);
    expect(text).not.toContain('{');
  });

  it('never prints configured keys and names the real services without their passwords', () => {
    const standalone = standaloneConfig({
      CELLSCOPE_API_KEYS: 'very-secret-key:handler',
      CELLSCOPE_DATABASE: 'external',
      DATABASE_URL: 'postgres://cellscope:hunter22@db.example:5432/cellscope',
      CELLSCOPE_BUS: 'kafka',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      CELLSCOPE_KPI_STORE: 'influx',
      INFLUX_URL: 'http://influx.example:8086',
      SIMULATOR_ENABLED: 'false',
      API_HOST: '10.0.0.5',
    });
    const text = formatStartupBanner(standalone);
    expect(text).not.toContain('very-secret-key');
    expect(text).not.toContain('hunter22');
    expect(text).toContain('API keys: from CELLSCOPE_API_KEYS (not printed)');
    expect(text).toContain('Panel      http://10.0.0.5:3000/\n');
    expect(text).toContain('PostgreSQL at postgres://cellscope:***@db.example:5432/cellscope');
    expect(text).toContain('Kafka at k1:9092,k2:9092 (group cellscope-correlator)');
    expect(text).toContain('InfluxDB at http://influx.example:8086 (database cellscope)');
    expect(text).toMatch(/simulator +off/);
    expect(panelUrl(standalone)).toBe('http://10.0.0.5:3000/');
  });

  it('shows wildcard bind addresses as localhost and brackets IPv6 ones', () => {
    expect(reachableHost('0.0.0.0')).toBe('localhost');
    expect(reachableHost('::')).toBe('localhost');
    expect(reachableHost('::1')).toBe('[::1]');
    expect(reachableHost('127.0.0.1')).toBe('127.0.0.1');
  });
});
