import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One static file of the panel, loaded once into memory. */
export interface PanelAsset {
  body: Buffer;
  contentType: string;
}

/** Folder of the panel's static files; next to this file both in the sources (tests) and in dist (the build copies it). */
export const PANEL_ASSETS_DIR = join(__dirname, 'assets');

/** Chart.js's browser bundle from node_modules (its package exports hide dist/, so go via the main entry's folder). */
function chartJsBundlePath(): string {
  return join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

const FILES: Record<string, { path: () => string; contentType: string }> = {
  'index.html': { path: () => join(PANEL_ASSETS_DIR, 'index.html'), contentType: 'text/html; charset=utf-8' },
  'panel.css': { path: () => join(PANEL_ASSETS_DIR, 'panel.css'), contentType: 'text/css; charset=utf-8' },
  'panel.js': { path: () => join(PANEL_ASSETS_DIR, 'panel.js'), contentType: 'text/javascript; charset=utf-8' },
  'panel-i18n.js': { path: () => join(PANEL_ASSETS_DIR, 'panel-i18n.js'), contentType: 'text/javascript; charset=utf-8' },
  'vendor/chart.umd.min.js': { path: chartJsBundlePath, contentType: 'text/javascript; charset=utf-8' },
};

/** The panel's files by URL name (a fixed whitelist: nothing else on disk is reachable). */
export class PanelAssets {
  private readonly cache = new Map<string, PanelAsset>();

  /** The asset, or null when the name is not one of the panel's files. */
  get(name: string): PanelAsset | null {
    const spec = FILES[name];
    if (!spec) return null;
    let asset = this.cache.get(name);
    if (!asset) {
      asset = { body: readFileSync(spec.path()), contentType: spec.contentType };
      this.cache.set(name, asset);
    }
    return asset;
  }
}
