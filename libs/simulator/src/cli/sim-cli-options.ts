import { parseArgs } from 'node:util';

/** Where the CLI sends a scenario. */
export const SIM_TARGETS = ['stdout-summary', 'kafka', 'influx', 'both'] as const;
export type SimTarget = (typeof SIM_TARGETS)[number];

/** The simulator CLI's settings (scripts/sim.ts). */
export interface SimCliOptions {
  seed: string | number;
  sites: number;
  subscribers: number;
  tickets: number;
  days: number;
  /** The simulated present; absent = the wall clock when the CLI starts. */
  now?: Date;
  target: SimTarget;
  kafkaBrokers: string[];
  influxUrl: string;
  influxDb: string;
  topics: { cells: string; usage: string; tickets: string };
  /** Create the topics (and the InfluxDB database) when missing. */
  createTopics: boolean;
  /** Keep streaming live data after the snapshot. */
  follow: boolean;
  /** Simulated seconds per real second while following (1 = real time). */
  speed: number;
  /** Stop following after this many simulated minutes (absent = until interrupted). */
  followMinutes?: number;
  json: boolean;
  help: boolean;
}

/** A command-line mistake: the message names the option. */
export class SimCliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimCliUsageError';
  }
}

/** Help text of the CLI. */
export const SIM_CLI_USAGE = `Usage: npm run sim -- [options]

Generates a simulated network around Hohhot (cells, usage, KPI intervals, complaint tickets with known verdicts)
and delivers it.

  --seed <text|number>      scenario seed (default 42); same seed and options → same data
  --sites <n>               sites (default 300, about 1,000 cells)
  --subscribers <n>         subscribers (default 2000)
  --tickets <n>             complaints in the history (default 300)
  --days <n>                days of history before now (default 2, fractions allowed)
  --now <ISO time>          the simulated present (default: now)
  --target <t>              stdout-summary (default) | kafka | influx | both
  --kafka-brokers <list>    host:port[,host:port] (default 127.0.0.1:9092)
  --influx-url <url>        InfluxDB base URL (default http://127.0.0.1:8086)
  --influx-db <name>        InfluxDB database (default cellscope)
  --topic-cells <name>      default network.cells.v1
  --topic-usage <name>      default network.user-cell-usage.v1
  --topic-tickets <name>    default complaints.tickets.v1
  --create-topics           create missing topics (3 partitions) before writing
  --follow                  after the history, keep delivering live data
  --speed <x>               simulated seconds per real second when following (default 1)
  --follow-minutes <n>      stop following after n simulated minutes
  --json                    print the summary as JSON
  --help                    this text
`;

function positiveInt(name: string, text: string | undefined, fallback: number, allowZero = false): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new SimCliUsageError(`--${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${text}"`);
  return value;
}

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new SimCliUsageError(`--${name} must be a positive number, got "${text}"`);
  return value;
}

/** Parses and checks the CLI arguments (without the node and script paths). */
export function parseSimCliArgs(argv: readonly string[]): SimCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        sites: { type: 'string' },
        subscribers: { type: 'string' },
        tickets: { type: 'string' },
        days: { type: 'string' },
        now: { type: 'string' },
        target: { type: 'string' },
        'kafka-brokers': { type: 'string' },
        'influx-url': { type: 'string' },
        'influx-db': { type: 'string' },
        'topic-cells': { type: 'string' },
        'topic-usage': { type: 'string' },
        'topic-tickets': { type: 'string' },
        'create-topics': { type: 'boolean' },
        follow: { type: 'boolean' },
        speed: { type: 'string' },
        'follow-minutes': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new SimCliUsageError((error as Error).message);
  }
  const v = parsed.values;
  const target = (v.target ?? 'stdout-summary') as SimTarget;
  if (!SIM_TARGETS.includes(target)) throw new SimCliUsageError(`--target must be one of ${SIM_TARGETS.join(', ')}, got "${v.target}"`);
  const brokers = (v['kafka-brokers'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter((b) => b.length > 0);
  if (brokers.length === 0 || brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) {
    throw new SimCliUsageError(`--kafka-brokers must be host:port[,host:port], got "${v['kafka-brokers']}"`);
  }
  const influxUrl = v['influx-url'] ?? 'http://127.0.0.1:8086';
  if (!/^https?:\/\/[^\s]+$/.test(influxUrl)) throw new SimCliUsageError(`--influx-url must be an http(s) URL, got "${influxUrl}"`);
  const influxDb = v['influx-db'] ?? 'cellscope';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(influxDb)) throw new SimCliUsageError(`--influx-db must be 1..64 of [A-Za-z0-9_.-], got "${influxDb}"`);
  let now: Date | undefined;
  if (v.now !== undefined) {
    now = new Date(v.now);
    if (Number.isNaN(now.getTime())) throw new SimCliUsageError(`--now must be an ISO 8601 time, got "${v.now}"`);
  }
  const seedText = v.seed ?? '42';
  const topic = (name: 'topic-cells' | 'topic-usage' | 'topic-tickets', fallback: string): string => {
    const value = v[name] ?? fallback;
    if (!/^[A-Za-z0-9._-]{1,249}$/.test(value)) throw new SimCliUsageError(`--${name} must be a Kafka topic name, got "${value}"`);
    return value;
  };
  return {
    seed: /^-?\d+$/.test(seedText) ? Number(seedText) : seedText,
    sites: positiveInt('sites', v.sites, 300),
    subscribers: positiveInt('subscribers', v.subscribers, 2000),
    tickets: positiveInt('tickets', v.tickets, 300, true),
    days: positiveNumber('days', v.days, 2),
    now,
    target,
    kafkaBrokers: brokers,
    influxUrl,
    influxDb,
    topics: {
      cells: topic('topic-cells', 'network.cells.v1'),
      usage: topic('topic-usage', 'network.user-cell-usage.v1'),
      tickets: topic('topic-tickets', 'complaints.tickets.v1'),
    },
    createTopics: v['create-topics'] ?? false,
    follow: v.follow ?? false,
    speed: positiveNumber('speed', v.speed, 1),
    followMinutes: v['follow-minutes'] === undefined ? undefined : positiveNumber('follow-minutes', v['follow-minutes'], 1),
    json: v.json ?? false,
    help: v.help ?? false,
  };
}
