import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_KEYS } from '../../api/support/api-test-app';

export type Role = keyof typeof TEST_KEYS;
export const ROLES = Object.keys(TEST_KEYS) as Role[];

/** The roles docs/api.md grants each REST endpoint (`METHOD /path`, path relative to /api/v1) and each RPC. */
export interface DocumentedPermissions {
  rest: Map<string, Set<Role>>;
  grpc: Map<string, Set<Role>>;
}

/** `/api/v1/tickets/{ticketIdOrComplaintNo}/network-view` and `/tickets/{id}/network-view` → `/tickets/{}/network-view`. */
export function normalizeRestPath(path: string): string {
  return path.replace(/^\/api\/v1/, '').replace(/\{[^}]*\}/g, '{}');
}

/**
 * Reads the permission table of docs/api.md ("| permission | handler | noc | admin | endpoints |", ✓ = allowed):
 * the matrix the security tests hold the running API to, so code and documentation cannot drift apart.
 */
export function readDocumentedPermissions(docPath = join(__dirname, '../../../../docs/api.md')): DocumentedPermissions {
  const text = readFileSync(docPath, 'utf8');
  const lines = text.split('\n');
  const header = lines.findIndex((line) => /^\|\s*permission\s*\|\s*handler\s*\|\s*noc\s*\|\s*admin\s*\|\s*endpoints\s*\|/.test(line));
  if (header < 0) throw new Error(`no permission table (| permission | handler | noc | admin | endpoints |) in ${docPath}`);
  const rest = new Map<string, Set<Role>>();
  const grpc = new Map<string, Set<Role>>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const allowed = new Set(ROLES.filter((_role, i) => cells[i + 1] === '✓'));
    for (const [, token] of cells[4].matchAll(/`([^`]+)`/g)) {
      const restMatch = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(token);
      const target = restMatch ? rest : /^[A-Z][A-Za-z]+$/.test(token) ? grpc : undefined;
      if (!target) continue;
      const name = restMatch ? `${restMatch[1]} ${normalizeRestPath(restMatch[2].split('?')[0])}` : token;
      if (target.has(name)) throw new Error(`docs/api.md lists ${name} in two permission rows`);
      target.set(name, allowed);
    }
  }
  return { rest, grpc };
}
