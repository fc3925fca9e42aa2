/**
 * Network simulator benchmark: builds the default scenario (300 sites, 2,000 subscribers, 300 tickets, 48 h of
 * history) repeatedly after a warm-up and reports wall-clock and CPU time per build (target: under 2 s), then the
 * cost of streaming one simulated day in 1-minute steps. Prints a table and writes bench-results/simulator.json.
 * Run: npm run bench:simulator [-- --reps=5]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { buildScenario } from '@cellscope/simulator';

const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.split('=')[1] ?? 5);
const now = new Date('2026-03-04T12:00:00Z');

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function measure(run: () => void): Sample {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

let sizes = { cells: 0, kpis: 0, usage: 0, tickets: 0 };
buildScenario({ seed: 'warm-up', now }); // warm-up (JIT)
const builds: Sample[] = [];
for (let i = 0; i < reps; i++) {
  builds.push(
    measure(() => {
      const s = buildScenario({ seed: i + 1, now });
      sizes = { cells: s.cells.length, kpis: s.kpis.length, usage: s.usage.length, tickets: s.tickets.length };
    }),
  );
}

const scenario = buildScenario({ seed: 'stream', now });
let streamed = { kpis: 0, usage: 0, ticketEvents: 0, steps: 0 };
const day = measure(() => {
  for (const delta of scenario.stream().steps(1, new Date(+now + 24 * 3600_000))) {
    streamed = { kpis: streamed.kpis + delta.kpis.length, usage: streamed.usage + delta.usage.length, ticketEvents: streamed.ticketEvents + delta.ticketEvents.length, steps: streamed.steps + 1 };
  }
});

const wall = stats(builds.map((b) => b.wallMs));
const cpu = stats(builds.map((b) => b.cpuMs));
const fmt = (n: number) => n.toFixed(0).padStart(7);
console.log(`buildScenario default (${sizes.cells} cells, ${sizes.kpis.toLocaleString('en-US')} KPI intervals, ${sizes.usage.toLocaleString('en-US')} usage records, ${sizes.tickets} tickets), ${reps} runs`);
console.log(`                  min  median     max`);
console.log(`  wall ms     ${fmt(wall.min)} ${fmt(wall.median)} ${fmt(wall.max)}`);
console.log(`  cpu ms      ${fmt(cpu.min)} ${fmt(cpu.median)} ${fmt(cpu.max)}`);
console.log(`stream 1 simulated day in ${streamed.steps} one-minute steps: ${day.wallMs.toFixed(0)} ms wall, ${day.cpuMs.toFixed(0)} ms cpu (${streamed.kpis.toLocaleString('en-US')} KPI intervals, ${streamed.usage.toLocaleString('en-US')} usage, ${streamed.ticketEvents} ticket versions)`);
console.log(`machine load average: ${loadavg().map((l: number) => l.toFixed(2)).join(' ')}`);

const out = resolve(process.cwd(), 'bench-results/simulator.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify({ reps, sizes, buildWallMs: wall, buildCpuMs: cpu, streamDay: { ...day, ...streamed } }, null, 2)}\n`);
