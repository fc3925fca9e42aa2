import { AppConfig } from '@cellscope/config';
import { databaseNameOf } from '@cellscope/persistence';
import { StandaloneConfig } from './standalone-config';

/** Where the process can be reached from this machine: a wildcard bind address is shown as localhost. */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** The HTTP base URL of the API (and panel). */
export function httpBaseUrl(config: AppConfig): string {
  return `http://${reachableHost(config.API_HOST)}:${config.API_PORT}`;
}

/** The panel URL; with a generated handler key it carries `?key=` (the panel stores it and drops it from the address). */
export function panelUrl(standalone: StandaloneConfig): string {
  const key = standalone.generatedKeys?.handler;
  return `${httpBaseUrl(standalone.config)}/${key ? `?key=${encodeURIComponent(key)}` : ''}`;
}

/** A PostgreSQL URL without its password. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** One line per piece: what runs embedded and what is real, with the setting that switches it. */
function pieces(standalone: StandaloneConfig): string[] {
  const { config } = standalone;
  const database =
    config.CELLSCOPE_DATABASE === 'embedded'
      ? `embedded PostgreSQL (${config.EMBEDDED_PG_DIR}, 127.0.0.1:${config.EMBEDDED_PG_PORT}, database ${databaseNameOf(config.DATABASE_URL)}` +
        `${standalone.demoDatabase ? ', reset at every start' : ''})  · real one: CELLSCOPE_DATABASE=external DATABASE_URL=…`
      : `PostgreSQL at ${withoutPassword(config.DATABASE_URL)}`;
  const bus =
    config.CELLSCOPE_BUS === 'memory'
      ? 'in-process bus  · real one: CELLSCOPE_BUS=kafka KAFKA_BROKERS=…'
      : `Kafka at ${config.KAFKA_BROKERS.join(',')} (group ${config.KAFKA_GROUP_ID})`;
  const kpis =
    config.CELLSCOPE_KPI_STORE === 'memory'
      ? 'in-memory KPI store  · real one: CELLSCOPE_KPI_STORE=influx INFLUX_URL=…'
      : `InfluxDB at ${config.INFLUX_URL} (database ${config.INFLUX_DATABASE})`;
  const simulator = config.SIMULATOR_ENABLED
    ? `on: seed ${config.SIMULATOR_SEED}, ${config.SIMULATOR_HISTORY_HOURS} h of history, then live at ${config.SIMULATOR_SPEED}× real time  · off: SIMULATOR_ENABLED=false`
    : 'off (feed it through the topics or POST /api/v1/tickets)';
  return [
    `    database    ${database}`,
    `    bus         ${bus}`,
    `    KPI store   ${kpis}`,
    `    simulator   ${simulator}`,
  ];
}

/**
 * The plain-text block the standalone process prints once it listens: panel, OpenAPI, gRPC, health and metrics
 * addresses, the API keys (only generated ones are shown; configured ones are never printed) and what runs
 * embedded versus real.
 */
export function formatStartupBanner(standalone: StandaloneConfig): string {
  const { config, generatedKeys } = standalone;
  const base = httpBaseUrl(config);
  const keys = generatedKeys
    ? [
        '  API keys, generated for this run (set CELLSCOPE_API_KEYS=<key>:<role>,… to choose them):',
        `    handler   ${generatedKeys.handler}   the panel: views (MSISDNs masked), submit tickets, cells, incidents`,
        `    noc       ${generatedKeys.noc}   views unmasked, cells, degraded cells, hot-spots, incidents, re-correlation, opt-outs`,
        `    admin     ${generatedKeys.admin}   everything`,
        '    (send one as the X-API-Key header)',
      ]
    : ['  API keys: from CELLSCOPE_API_KEYS (not printed)'];
  return [
    '',
    '==============================================================================================',
    ' cellscope standalone: API, correlator, notifier' + (config.SIMULATOR_ENABLED ? ' and network simulator' : '') + ' in one process',
    '==============================================================================================',
    `  Panel      ${panelUrl(standalone)}`,
    `  OpenAPI    ${base}/api/docs`,
    `  REST       ${base}/api/v1`,
    `  gRPC       ${reachableHost(config.API_HOST)}:${config.GRPC_PORT}`,
    `  Health     ${base}/health/ready    Metrics ${base}/metrics`,
    '',
    ...keys,
    '',
    '  Embedded vs real:',
    ...pieces(standalone),
    '',
    '  Ctrl-C stops it (the embedded PostgreSQL too).',
    '==============================================================================================',
    '',
  ].join('\n');
}
