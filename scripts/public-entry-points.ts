/**
 * The core's public entry points (`calcscribe/core`, `calcscribe/draft`, `calcscribe/codes`, `calcscribe/dicomweb-json`) as
 * the root package.json "exports" names them, mapped to their sources (the `calcscribe-source`
 * condition) for the builds and tests that compile the sources: the viewer, the extension's
 * bundle and vitest. The exports map is the one list; tsconfig.web.json's "paths" repeats it for
 * the type checker and tests/extensions/package.test.ts checks the two agree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const rootUrl = new URL('../', import.meta.url);

type Exports = Record<string, string | Record<string, string>>;

/** 'calcscribe/core' → absolute path of its source file, for every public entry point. */
export function publicEntrySources(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL('package.json', rootUrl), 'utf8')) as { name: string; exports: Exports };
  const out: Record<string, string> = {};
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue;
    const source = target['calcscribe-source'];
    if (source === undefined) continue;
    out[`${pkg.name}/${subpath.replace(/^\.\//, '')}`] = fileURLToPath(new URL(source, rootUrl));
  }
  return out;
}

/** Vite aliases matching each entry point exactly (so that `calcscribe/core` does not catch `calcscribe/core-x`). */
export function publicEntryAliases(): { find: RegExp; replacement: string }[] {
  return Object.entries(publicEntrySources()).map(([name, file]) => ({ find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`), replacement: file }));
}
