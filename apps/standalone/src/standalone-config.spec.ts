import { ConfigError } from '@cellscope/config';
import { EMBEDDED_DEMO_DATABASE } from '@cellscope/simulator/embedded';
import { randomApiKey, standaloneConfig } from './standalone-config';

const keys = () => {
  let n = 0;
  return () => `generated-key-${++n}`;
};

describe('standaloneConfig', () => {
  it('runs everything embedded when the environment sets nothing, with generated keys and the demo database', () => {
    const { config, defaulted, generatedKeys, demoDatabase } = standaloneConfig({}, keys());
    expect(config.CELLSCOPE_DATABASE).toBe('embedded');
    expect(config.CELLSCOPE_BUS).toBe('memory');
    expect(config.CELLSCOPE_KPI_STORE).toBe('memory');
    expect(config.SIMULATOR_ENABLED).toBe(true);
    expect(defaulted.sort()).toEqual(['CELLSCOPE_BUS', 'CELLSCOPE_DATABASE', 'CELLSCOPE_KPI_STORE', 'SIMULATOR_ENABLED']);
    expect(generatedKeys).toEqual({ handler: 'generated-key-1', noc: 'generated-key-2', admin: 'generated-key-3' });
    expect(config.CELLSCOPE_API_KEYS).toBe('generated-key-1:handler,generated-key-2:noc,generated-key-3:admin');
    expect(demoDatabase).toBe(true);
    expect(new URL(config.DATABASE_URL).pathname).toBe(`/${EMBEDDED_DEMO_DATABASE}`);
  });

  it('leaves every piece the environment sets to the environment (switch to the real one without code changes)', () => {
    const env = {
      CELLSCOPE_DATABASE: 'external',
      CELLSCOPE_BUS: 'kafka',
      CELLSCOPE_KPI_STORE: 'influx',
      SIMULATOR_ENABLED: 'false',
      DATABASE_URL: 'postgres://postgres@db.example:5432/prod',
      CELLSCOPE_API_KEYS: 'handler-secret-1:handler',
    };
    const { config, defaulted, generatedKeys, demoDatabase } = standaloneConfig(env, keys());
    expect(defaulted).toEqual([]);
    expect(config.CELLSCOPE_DATABASE).toBe('external');
    expect(config.CELLSCOPE_BUS).toBe('kafka');
    expect(config.CELLSCOPE_KPI_STORE).toBe('influx');
    expect(config.SIMULATOR_ENABLED).toBe(false);
    expect(config.DATABASE_URL).toBe(env.DATABASE_URL);
    expect(config.CELLSCOPE_API_KEYS).toBe(env.CELLSCOPE_API_KEYS);
    expect(generatedKeys).toBeUndefined();
    expect(demoDatabase).toBe(false);
  });

  it('switches one piece at a time: Kafka with everything else embedded', () => {
    const { config, defaulted } = standaloneConfig({ CELLSCOPE_BUS: 'kafka' }, keys());
    expect(config.CELLSCOPE_BUS).toBe('kafka');
    expect(config.CELLSCOPE_DATABASE).toBe('embedded');
    expect(defaulted).not.toContain('CELLSCOPE_BUS');
  });

  it('counts an empty variable as unset', () => {
    expect(standaloneConfig({ CELLSCOPE_BUS: '', CELLSCOPE_API_KEYS: '' }, keys()).config.CELLSCOPE_BUS).toBe('memory');
  });

  it('keeps the database named in DATABASE_URL, and never resets it, when the environment sets it', () => {
    const { config, demoDatabase } = standaloneConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mine' }, keys());
    expect(demoDatabase).toBe(false);
    expect(new URL(config.DATABASE_URL).pathname).toBe('/mine');
  });

  it('has no demo database without the simulator', () => {
    expect(standaloneConfig({ SIMULATOR_ENABLED: 'false' }, keys()).demoDatabase).toBe(false);
  });

  it('rejects a bad setting naming it', () => {
    expect(() => standaloneConfig({ CELLSCOPE_BUS: 'pigeon' }, keys())).toThrow(ConfigError);
    expect(() => standaloneConfig({ SIMULATOR_SPEED: 'fast' }, keys())).toThrow(/SIMULATOR_SPEED/);
  });

  it('generates keys the API-key setting accepts, different every time', () => {
    const a = randomApiKey();
    const b = randomApiKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(b);
    expect(standaloneConfig({}).config.CELLSCOPE_API_KEYS).toMatch(/^[A-Za-z0-9_-]{24}:handler,[A-Za-z0-9_-]{24}:noc,[A-Za-z0-9_-]{24}:admin$/);
  });
});
