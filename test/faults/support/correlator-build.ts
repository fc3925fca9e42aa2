import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './kafka-broker.server';

const run = promisify(execFile);

/** Output folder of the fault tests' own compilation (git- and eslint-ignored as `.build-*`). */
export const FAULTS_BUILD_DIR = join(REPO_ROOT, '.build-faults');
const STAMP = '.sources.sha256';

/** What tsconfig.build.json compiles: every .ts under these folders, plus the compiler settings and the lock file. */
const SOURCE_ROOTS = ['apps', 'libs', 'bench', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function listTs(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listTs(path, out);
    } else if (entry.name.endsWith('.ts')) out.push(path);
  }
}

/** sha256 over the path and content of every compiled source (a few hundred files: tens of milliseconds). */
export function sourcesHash(): string {
  const files: string[] = SOURCE_FILES.map((f) => join(REPO_ROOT, f));
  for (const root of SOURCE_ROOTS) if (existsSync(join(REPO_ROOT, root))) listTs(join(REPO_ROOT, root), files);
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(relative(REPO_ROOT, file)).update('\0');
    hash.update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** The compiled correlator and how it was obtained. */
export interface CorrelatorBuild {
  /** `node <mainJs>` starts the correlator. */
  mainJs: string;
  /** false when an earlier compilation of the same sources was reused. */
  compiled: boolean;
  seconds: number;
}

/**
 * Compiles the apps and libs into .build-faults (tsc with tsconfig.build.json, then tsc-alias), unless the folder
 * already holds a compilation of exactly the current sources (checked by {@link sourcesHash}).
 */
export async function buildCorrelator(): Promise<CorrelatorBuild> {
  const started = Date.now();
  const mainJs = join(FAULTS_BUILD_DIR, 'apps', 'correlator', 'src', 'main.js');
  const hash = sourcesHash();
  const stampFile = join(FAULTS_BUILD_DIR, STAMP);
  if (existsSync(mainJs) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === hash) {
    return { mainJs, compiled: false, seconds: (Date.now() - started) / 1000 };
  }
  rmSync(FAULTS_BUILD_DIR, { recursive: true, force: true });
  for (const [what, script] of [
    ['tsc', join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc')],
    ['tsc-alias', join(REPO_ROOT, 'node_modules', 'tsc-alias', 'dist', 'bin', 'index.js')],
  ]) {
    try {
      await run(process.execPath, [script, '-p', 'tsconfig.build.json', '--outDir', FAULTS_BUILD_DIR], { cwd: REPO_ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${what} into ${FAULTS_BUILD_DIR} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
  if (!existsSync(mainJs)) throw new Error(`compilation did not produce ${mainJs}`);
  writeFileSync(stampFile, `${hash}\n`);
  return { mainJs, compiled: true, seconds: (Date.now() - started) / 1000 };
}
