import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Sass from 'sass';

/** The folder holding package.json, from src/web/assets or dist/web/assets alike. */
export const PACKAGE_ROOT = resolve(__dirname, '..', '..', '..');
export const ASSETS_OUT = join(PACKAGE_ROOT, 'build', 'web-assets');
const SOURCES = join(PACKAGE_ROOT, 'src', 'web', 'assets');
const GOVUK = join(PACKAGE_ROOT, 'node_modules', 'govuk-frontend', 'dist');

/**
 * The Sass compiler, loaded only when the stylesheet must be built (on `npm install`, or
 * at boot after the sources changed). It is the largest module the service could load:
 * held from boot, its source and code cost a running server about 30 MB it never uses.
 */
function sassCompiler(): typeof Sass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('sass') as typeof Sass;
}

/** Logical name → served file name (with its content hash). */
export interface AssetManifest {
  sourceHash: string;
  files: Record<string, string>;
}

const hash = (content: string | Buffer): string => createHash('sha256').update(content).digest('hex').slice(0, 12);

/** Changes whenever our Sass/JS or the design system's version changes. */
function sourceHash(): string {
  const digest = createHash('sha256');
  for (const name of readdirSync(SOURCES).sort((a, b) => a.localeCompare(b))) {
    if (/\.(scss|js)$/.test(name)) digest.update(name).update(readFileSync(join(SOURCES, name)));
  }
  digest.update(readFileSync(join(GOVUK, '..', 'package.json')));
  return digest.digest('hex');
}

function readManifest(): AssetManifest | null {
  const file = join(ASSETS_OUT, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AssetManifest) : null;
}

/**
 * Compiles the service's stylesheet (GOV.UK Frontend with a system font) and copies the
 * scripts, each under a name carrying its content hash, so they can be cached for a year.
 * Runs on `npm install` (postinstall) and at boot when the sources changed since.
 */
export function buildAssets(options: { force?: boolean } = {}): AssetManifest {
  const wanted = existsSync(SOURCES) ? sourceHash() : null;
  const current = readManifest();
  // A deployed copy without sources (dist only) uses what was built.
  if (current && (wanted === null || (!options.force && current.sourceHash === wanted))) return current;
  if (wanted === null) throw new Error(`Web assets are not built and ${SOURCES} is missing: run npm install.`);
  const css = sassCompiler().compile(join(SOURCES, 'app.scss'), { loadPaths: [GOVUK], style: 'compressed', quietDeps: true }).css;
  const scripts: Record<string, Buffer> = {
    'govuk-frontend.min.js': readFileSync(join(GOVUK, 'govuk', 'govuk-frontend.min.js')),
    'session-timeout.js': readFileSync(join(SOURCES, 'session-timeout.js')),
    'copy-link.js': readFileSync(join(SOURCES, 'copy-link.js')),
  };
  rmSync(ASSETS_OUT, { recursive: true, force: true });
  mkdirSync(ASSETS_OUT, { recursive: true });
  const files: Record<string, string> = {};
  const put = (logical: string, content: string | Buffer) => {
    const served = logical.replace(/^([^.]+)/, `$1-${hash(content)}`);
    writeFileSync(join(ASSETS_OUT, served), content);
    files[logical] = served;
  };
  put('app.css', css);
  for (const [name, content] of Object.entries(scripts)) put(name, content);
  const manifest: AssetManifest = { sourceHash: wanted, files };
  writeFileSync(join(ASSETS_OUT, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
