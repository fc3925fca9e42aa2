import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Package of the cellscope gRPC API. */
export const GRPC_PACKAGE = 'cellscope.v1';
/** Service name within the package. */
export const GRPC_SERVICE = 'CellscopeService';

/**
 * Absolute path of `proto/cellscope.proto`: the nearest `proto/` folder above this file, which is the repository
 * root both from the sources (tests) and from `dist/` (compiled).
 */
export function cellscopeProtoPath(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'proto', 'cellscope.proto');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`proto/cellscope.proto not found above ${start}`);
    dir = parent;
  }
}
