import { MemoryScenarioSink } from '../sinks/memory-scenario.sink';
import { runSimCli, SimCliIo } from './run-sim-cli';

function fakeIo(start = '2026-03-04T12:00:30Z') {
  const out: string[] = [];
  const err: string[] = [];
  let clock = Date.parse(start);
  let sleeps = 0;
  const io: SimCliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    now: () => new Date(clock),
    sleep: async (ms) => {
      sleeps++;
      clock += ms;
    },
    stopRequested: () => false,
  };
  return { io, out, err, sleeps: () => sleeps };
}

const small = ['--sites', '12', '--subscribers', '60', '--tickets', '9', '--days', '0.5'];

describe('runSimCli', () => {
  it('builds, counts and summarises a scenario for the stdout-summary target', async () => {
    const { io, out, err } = fakeIo();
    expect(await runSimCli([...small, '--seed', 'cli'], io)).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/scenario seed cli: 2026-03-04T00:00:00.000Z → 2026-03-04T12:00:00.000Z/);
    expect(text).toMatch(/tickets {8}9 \(/);
    expect(text).toMatch(/by expected cause: /);
    expect(text).toMatch(/delivered to stdout-summary: \{"cells":\d+,"usage":\d+,"kpis":\d+,"tickets":\d+\}/);
    expect(err.some((l) => /^\[sim\] 100% /.test(l))).toBe(true);
  });

  it('prints JSON with --json, identical for the same seed and --now', async () => {
    const a = fakeIo();
    const b = fakeIo('2030-01-01T00:00:00Z');
    const args = [...small, '--json', '--now', '2026-03-04T20:00:00+08:00'];
    expect(await runSimCli(args, a.io)).toBe(0);
    expect(await runSimCli(args, b.io)).toBe(0);
    const summary = JSON.parse(a.out[0]);
    expect(summary.tickets.total).toBe(9);
    expect(summary.delivered.tickets).toBe(summary.tickets.events);
    expect(a.out).toEqual(b.out);
  });

  it('follows live for the requested simulated minutes, delivering what arrives', async () => {
    const sink = new MemoryScenarioSink();
    const { io, err, sleeps } = fakeIo();
    const code = await runSimCli([...small, '--follow', '--speed', '600', '--follow-minutes', '120'], io, async () => sink);
    expect(code).toBe(0);
    expect(sleeps()).toBe(12);
    const history = sink.received.kpis.filter((i) => +i.time < Date.parse('2026-03-04T11:00:00Z')).length;
    expect(sink.received.kpis.length).toBeGreaterThan(history);
    expect(Math.max(...sink.received.kpis.map((i) => +i.time))).toBeGreaterThan(Date.parse('2026-03-04T12:30:00Z'));
    expect(err.some((l) => /\+\d+ KPI intervals/.test(l))).toBe(true);
  });

  it('exits 2 with the usage on bad arguments, 0 with --help, 1 when the sink fails', async () => {
    const bad = fakeIo();
    expect(await runSimCli(['--sites', 'many'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--sites must be a positive integer[\s\S]*Usage: npm run sim/);
    const help = fakeIo();
    expect(await runSimCli(['--help'], help.io)).toBe(0);
    expect(help.out[0]).toMatch(/--target <t>/);
    const failing = fakeIo();
    const code = await runSimCli(small, failing.io, async () => {
      throw new Error('connection refused');
    });
    expect(code).toBe(1);
    expect(failing.err.join('\n')).toMatch(/delivery failed: connection refused/);
  });
});
