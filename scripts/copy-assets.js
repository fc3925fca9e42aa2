// Copies non-TypeScript runtime assets (the web panel) next to the compiled code in dist/.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const assets = [['libs/http-api/src/panel/assets', 'dist/libs/http-api/src/panel/assets']];
for (const [from, to] of assets) {
  const src = path.join(root, from);
  if (!fs.existsSync(src)) continue;
  fs.cpSync(src, path.join(root, to), { recursive: true });
}
