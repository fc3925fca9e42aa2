import { randomBytes } from 'node:crypto';
import { AppConfig, loadConfig } from '@cellscope/config';
import { withDatabaseName } from '@cellscope/persistence';
import { EMBEDDED_DEMO_DATABASE } from '@cellscope/simulator/embedded';

/** The settings `npm start` defaults to when the environment does not set them: everything embedded. */
export const EMBEDDED_DEFAULTS = {
  CELLSCOPE_DATABASE: 'embedded',
  CELLSCOPE_BUS: 'memory',
  CELLSCOPE_KPI_STORE: 'memory',
  SIMULATOR_ENABLED: true,
} as const satisfies Partial<AppConfig>;

/** API keys generated for one run, one per role. */
export interface GeneratedApiKeys {
  handler: string;
  noc: string;
  admin: string;
}

/** The standalone process's configuration and what was defaulted to get it. */
export interface StandaloneConfig {
  config: AppConfig;
  /** Embedded defaults that applied (the environment did not set these variables). */
  defaulted: (keyof typeof EMBEDDED_DEFAULTS)[];
  /** Keys generated because CELLSCOPE_API_KEYS was not set (absent when it was). */
  generatedKeys?: GeneratedApiKeys;
  /**
   * True when the process runs the embedded demo (embedded PostgreSQL and the simulator) on its own database
   * (EMBEDDED_DEMO_DATABASE, DATABASE_URL not set): that database is reset at every start.
   */
  demoDatabase: boolean;
}

const isSet = (env: NodeJS.ProcessEnv, name: string) => env[name] !== undefined && env[name] !== '';

/** A random API key: 24 URL-safe characters (no `:` or `,`, as CELLSCOPE_API_KEYS requires). */
export function randomApiKey(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Builds the standalone configuration: the embedded defaults for each of CELLSCOPE_DATABASE, CELLSCOPE_BUS,
 * CELLSCOPE_KPI_STORE and SIMULATOR_ENABLED the environment does not set (so each piece can be switched to the
 * real one by configuration alone), random handler/noc/admin keys when CELLSCOPE_API_KEYS is not set, and the
 * demo database name for the embedded demo. Throws ConfigError like loadConfig.
 */
export function standaloneConfig(env: NodeJS.ProcessEnv, newKey: () => string = randomApiKey): StandaloneConfig {
  const defaulted = (Object.keys(EMBEDDED_DEFAULTS) as (keyof typeof EMBEDDED_DEFAULTS)[]).filter((name) => !isSet(env, name));
  const overrides: Partial<AppConfig> = Object.fromEntries(defaulted.map((name) => [name, EMBEDDED_DEFAULTS[name]]));
  let generatedKeys: GeneratedApiKeys | undefined;
  if (!isSet(env, 'CELLSCOPE_API_KEYS')) {
    generatedKeys = { handler: newKey(), noc: newKey(), admin: newKey() };
    overrides.CELLSCOPE_API_KEYS = `${generatedKeys.handler}:handler,${generatedKeys.noc}:noc,${generatedKeys.admin}:admin`;
  }
  let config = loadConfig(env, overrides);
  const demoDatabase = config.CELLSCOPE_DATABASE === 'embedded' && config.SIMULATOR_ENABLED && !isSet(env, 'DATABASE_URL');
  if (demoDatabase) config = loadConfig(env, { ...overrides, DATABASE_URL: withDatabaseName(config.DATABASE_URL, EMBEDDED_DEMO_DATABASE) });
  return { config, defaulted, generatedKeys, demoDatabase };
}
