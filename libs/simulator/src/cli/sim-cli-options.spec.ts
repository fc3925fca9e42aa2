import { parseSimCliArgs, SimCliUsageError } from './sim-cli-options';

describe('parseSimCliArgs', () => {
  it('fills the defaults', () => {
    const o = parseSimCliArgs([]);
    expect(o).toMatchObject({ seed: 42, sites: 300, subscribers: 2000, tickets: 300, days: 2, target: 'stdout-summary', follow: false, speed: 1 });
    expect(o.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(o.topics).toEqual({ cells: 'network.cells.v1', usage: 'network.user-cell-usage.v1', tickets: 'complaints.tickets.v1' });
    expect(o.now).toBeUndefined();
  });

  it('reads every option', () => {
    const o = parseSimCliArgs([
      '--seed', 'demo', '--sites', '50', '--subscribers', '100', '--tickets', '0', '--days', '0.5', '--now', '2026-03-04T20:00:00+08:00',
      '--target', 'both', '--kafka-brokers', 'a:1,b:2', '--influx-url', 'http://influx:8086', '--influx-db', 'sim_1',
      '--topic-tickets', 't.x', '--create-topics', '--follow', '--speed', '60', '--follow-minutes', '30', '--json',
    ]);
    expect(o).toMatchObject({ seed: 'demo', sites: 50, subscribers: 100, tickets: 0, days: 0.5, target: 'both', influxDb: 'sim_1', createTopics: true, follow: true, speed: 60, followMinutes: 30, json: true });
    expect(o.now?.toISOString()).toBe('2026-03-04T12:00:00.000Z');
    expect(o.kafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(o.topics.tickets).toBe('t.x');
  });

  it.each([
    [['--sites', '0'], /--sites/],
    [['--sites', '2.5'], /--sites/],
    [['--days', '-1'], /--days/],
    [['--target', 'mqtt'], /--target/],
    [['--kafka-brokers', 'nohostport'], /--kafka-brokers/],
    [['--influx-db', 'bad name'], /--influx-db/],
    [['--now', 'yesterday'], /--now/],
    [['--unknown'], /unknown/i],
  ])('rejects %j naming the option', (args, message) => {
    expect(() => parseSimCliArgs(args)).toThrow(SimCliUsageError);
    expect(() => parseSimCliArgs(args)).toThrow(message);
  });
});
