/**
 * The extension's type declarations stand on their own, as its bundle does: after tsc has written
 * dist/types/ (the extension's declarations and, beside them, the core's under dist/types/src/core/),
 * every import of a public entry point (`calcscribe/core`, `calcscribe/draft`, `calcscribe/codes`, `calcscribe/dicomweb-json`)
 * is rewritten to the relative path of that entry's declaration file, and the style sheets' import
 * lines tsc keeps (`import './panel.css'`: no types; the styles ship as dist/calcification.css)
 * are dropped, and a declaration naming one of the interfaces the core declares globally for
 * the codec packages (src/core/ingest/codec-modules.d.ts: WasmFrameDecoder …) gets them written
 * into it (not that file's `declare module` blocks, which would override a consumer's own types of
 * those packages). The published package then names no `calcscribe` module and no file or type
 * it lacks. Run by `npm run build:extension`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicEntrySources } from '../../scripts/public-entry-points.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TYPES = fileURLToPath(new URL('./dist/types/', import.meta.url));

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? declarationFiles(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []));
}

/** 'calcscribe/core' → dist/types/src/core/index.d.ts, for every entry point. */
const entries = Object.entries(publicEntrySources()).map(([name, source]) => [name, join(TYPES, relative(ROOT, source)).replace(/\.tsx?$/, '.d.ts')] as const);

/** The global interfaces of codec-modules.d.ts: its text before the first `declare module`. */
const codecModules = readFileSync(join(ROOT, 'src/core/ingest/codec-modules.d.ts'), 'utf8');
const codecGlobals = codecModules.slice(0, codecModules.indexOf('declare module'));
const globalNames = [...codecGlobals.matchAll(/^interface (\w+)/gm)].map((m) => m[1] as string);
if (globalNames.length === 0) throw new Error('codec-modules.d.ts: no global interfaces found');

for (const file of declarationFiles(TYPES)) {
  const code = readFileSync(file, 'utf8');
  let out = code.replace(/^import\s*(['"])[^'"]+\.css\1;?\n/gm, '');
  for (const [name, declaration] of entries) {
    let path = relative(dirname(file), declaration).replace(/\.d\.ts$/, '.js');
    if (!path.startsWith('.')) path = `./${path}`;
    out = out.replace(new RegExp(`(from\\s*|import\\(\\s*)(['"])${name.replace(/[/.]/g, '\\$&')}\\2`, 'g'), `$1$2${path}$2`);
  }
  if (globalNames.some((n) => new RegExp(`\\b${n}\\b`).test(out) && !new RegExp(`interface ${n}\\b`).test(out))) out = `${codecGlobals.trim()}\n${out}`;
  if (out !== code) writeFileSync(file, out);
}
const left = declarationFiles(TYPES).filter((f) => /(from\s*|import\(\s*)['"]calcscribe(\/|['"])/.test(readFileSync(f, 'utf8')));
if (left.length > 0) throw new Error(`declarations still importing calcscribe: ${left.join(', ')}`);
