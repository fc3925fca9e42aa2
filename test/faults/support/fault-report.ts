import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAULTS_ARTIFACTS_DIR } from './fault-stack';

/** Figures of one scenario: written as test-artifacts/faults/<scenario>.json, summarised in one line on stdout. */
export interface FaultReport {
  scenario: string;
  /** One line for the console. */
  summary: string;
  [figure: string]: unknown;
}

/** Seconds between two Date.now() values, rounded to 0.1 s. */
export const secondsBetween = (from: number, to: number): number => Math.round((to - from) / 100) / 10;

/** Offsets per partition as a plain object for JSON. */
export const offsetsJson = (offsets: Map<number, number>): Record<string, number> =>
  Object.fromEntries([...offsets].sort(([a], [b]) => a - b).map(([p, o]) => [String(p), o]));

/** Writes the scenario's figures and prints its summary line. */
export function writeFaultReport(report: FaultReport): string {
  mkdirSync(FAULTS_ARTIFACTS_DIR, { recursive: true });
  const file = join(FAULTS_ARTIFACTS_DIR, `${report.scenario}.json`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), ...report }, null, 2)}\n`);
  process.stdout.write(`[faults] ${report.scenario}: ${report.summary}\n`);
  return file;
}

/** Writes any JSON next to the scenario figures (e.g. the documents behind a failed comparison); returns the path. */
export function writeFaultArtifact(name: string, content: unknown): string {
  mkdirSync(FAULTS_ARTIFACTS_DIR, { recursive: true });
  const file = join(FAULTS_ARTIFACTS_DIR, name);
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}
