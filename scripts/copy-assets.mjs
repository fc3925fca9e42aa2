// Copies non-TypeScript runtime assets (the web panel) next to the compiled code in dist/.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [['libs/http-api/src/panel/assets', 'dist/libs/http-api/src/panel/assets']];
for (const [from, to] of assets) {
  const src = join(root, from);
  if (existsSync(src)) cpSync(src, join(root, to), { recursive: true });
}
