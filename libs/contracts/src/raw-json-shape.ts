import type { FieldError } from './contract-validator';

/** Deepest nesting a contract value may have (the contracts themselves are at most 3 levels deep). */
export const MAX_CONTRACT_DEPTH = 16;

/** Problems reported at most per value (the first ones found, breadth first). */
const MAX_PROBLEMS = 5;

/** Property names class-transformer and class-validator treat as the prototype or class of the instance. */
const RESERVED_PROPERTIES = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no lone surrogate)';
  return undefined;
}

/**
 * Checks a parsed JSON value before it is validated field by field: nesting at most MAX_CONTRACT_DEPTH levels (the
 * validator and the serialisers recurse, so a 10,000-level value would overflow the stack) and strings that
 * PostgreSQL can store (no NUL, no lone surrogate), and no `__proto__`/`constructor`/`prototype` property (they would become the
 * prototype or class of the validated instance). Walks iteratively; unknown properties are checked too.
 */
export function findRawShapeProblems(raw: unknown, maxDepth = MAX_CONTRACT_DEPTH): FieldError[] {
  const problems: FieldError[] = [];
  const queue: { value: unknown; path: string; depth: number }[] = [{ value: raw, path: '', depth: 0 }];
  for (let i = 0; i < queue.length && problems.length < MAX_PROBLEMS; i++) {
    const { value, path, depth } = queue[i];
    const field = path || '$';
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) problems.push({ field, message: `${field} ${problem}` });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      problems.push({ field, message: `${field} is nested deeper than ${maxDepth} levels` });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, item] of entries) {
      const keyProblem = RESERVED_PROPERTIES.has(key) ? `must not be ${key}` : stringProblem(key);
      if (keyProblem) {
        problems.push({ field, message: `a property name of ${field} ${keyProblem}` });
        continue;
      }
      queue.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
