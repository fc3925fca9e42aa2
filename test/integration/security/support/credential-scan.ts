import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One literal that looks like a credential. */
export interface CredentialFinding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** What a hard-coded credential looks like in TypeScript source. */
const RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'secret-named literal', pattern: /\b[\w$]*(password|passwd|pwd|secret|token|api[_-]?key|apikey|credential)s?\b['"]?\s*[:=]\s*['"`][^'"`\s$]{6,}['"`]/i },
  { rule: 'URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@'"`]+:[^/\s@'"`$]+@/i },
  { rule: 'private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { rule: 'cloud access key', pattern: /\b(AKIA|ASIA)[0-9A-Z]{16}\b|\bghp_[A-Za-z0-9]{36}\b|\bxox[abp]-[A-Za-z0-9-]{10,}/ },
  { rule: 'bearer or basic credentials', pattern: /\b(Bearer|Basic|Token) [A-Za-z0-9+/=._-]{16,}['"`]/ },
  { rule: 'API key list', pattern: /['"`][A-Za-z0-9._-]{8,}:(handler|noc|admin)\b/ },
];

/** Scans one text; `file` only labels the findings. */
export function scanText(file: string, text: string): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  text.split('\n').forEach((content, index) => {
    for (const { rule, pattern } of RULES) {
      if (pattern.test(content)) findings.push({ file, line: index + 1, rule, text: content.trim().slice(0, 160) });
    }
  });
  return findings;
}

function sourceFiles(directory: string, include: (path: string) => boolean): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path, include);
    return include(path) ? [path] : [];
  });
}

/**
 * Scans the production sources under `roots` (TypeScript and the panel's JavaScript; tests and their fixtures are
 * excluded) for literals that look like credentials.
 */
export function scanSources(repository: string, roots: string[]): { files: number; findings: CredentialFinding[] } {
  const isProduction = (path: string) => /\.(ts|js|mjs|json|html)$/.test(path) && !/\.(spec|int-spec|fault-spec|contract)\.ts$/.test(path);
  const files = roots.flatMap((root) => sourceFiles(join(repository, root), isProduction));
  return { files: files.length, findings: files.flatMap((file) => scanText(relative(repository, file), readFileSync(file, 'utf8'))) };
}
