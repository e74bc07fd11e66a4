/**
 * The built bundle follows OHIF's runtime-extension contract (OHIF 3.14, docs.ohif.org/platform/
 * extensions/runtime-extensions): an ES module whose default export is the extension object with
 * its id (= the package name) and module getters, importing only the host's shared packages by
 * name; and the window.config.extensions descriptor the docs give a deployment names that id, that
 * file, no globalName (ESM) and the coreVersionRange the package declares, which the @ohif/core
 * the registration test uses satisfies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import sourceExtension from '../../extensions/calcification/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const EXT = join(ROOT, 'extensions/calcification');
const DIST = join(EXT, 'dist');
const pkg = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8')) as { name: string; ohif: { coreVersionRange: string } };

/** Every file under a folder. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Whether a version x.y.z lies in a range of the form ">=a.b.c <d" (the form the package uses). */
function inRange(version: string, range: string): boolean {
  const m = /^>=(\d+)\.(\d+)\.(\d+) <(\d+)$/.exec(range);
  if (m === null) throw new Error(`range "${range}" is not of the form ">=a.b.c <d"`);
  const v = version.split('.').map(Number);
  const low = [Number(m[1]), Number(m[2]), Number(m[3])];
  const cmp = v.findIndex((x, i) => x !== low[i]);
  const atLeast = cmp === -1 || (v[cmp] as number) > (low[cmp] as number);
  return atLeast && (v[0] as number) < Number(m[4]);
}

describe('the built bundle', () => {
  it('is newer than every source of the extension and the core (npm run build made it from them)', () => {
    const built = statSync(join(DIST, 'index.js')).mtimeMs;
    const sources = [...filesUnder(EXT).filter((f) => !f.startsWith(DIST) && /\.(ts|tsx|css)$/.test(f)), ...filesUnder(join(ROOT, 'src/core'))];
    const newer = sources.filter((f) => statSync(f).mtimeMs > built);
    expect(newer, 'run npm run build').toEqual([]);
  });

  it('default-exports the extension object: the package\'s id and OHIF\'s module getters, loaded from the bundle', async () => {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(join(DIST, 'index.js')).href)) as { default: Record<string, unknown> };
    const ext = mod.default;
    expect(ext).not.toBe(sourceExtension);
    expect(ext['id']).toBe(pkg.name);
    expect(ext['id']).toBe(sourceExtension.id);
    for (const getter of ['preRegistration', 'getCommandsModule', 'getToolbarModule', 'getPanelModule', 'getHangingProtocolModule']) {
      expect(typeof ext[getter], getter).toBe('function');
    }
    expect(Object.keys(ext).sort()).toEqual(Object.keys(sourceExtension).sort());
  });

  it('imports by name only what the host shares (React, Cornerstone3D, OHIF), everything else from its own files', () => {
    const names = new Set<string>();
    for (const file of filesUnder(DIST).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) names.add((m[1] ?? m[2]) as string);
    }
    const byName = [...names].filter((n) => !n.startsWith('./') && !n.startsWith('../'));
    expect(byName.length).toBeGreaterThan(0);
    for (const n of byName) expect(n, n).toMatch(/^(react|react-dom)(\/|$)|^@cornerstonejs\/|^@ohif\//);
    expect([...names].some((n) => n.includes('calcscribe/') || n.includes('/src/'))).toBe(false);
  });
});

describe('the runtime-extension descriptor the docs give', () => {
  const docs = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const section = docs.slice(docs.indexOf('### Adding the extension to an OHIF deployment'));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const field = (name: string): string | undefined => new RegExp(`^\\s*${name}: '([^']*)'`, 'm').exec(block)?.[1];

  it('names the extension id, the bundle\'s ES module and its styles, and no globalName', () => {
    expect(block).toMatch(/window\.config = \{[\s\S]*extensions: \[/);
    expect(field('packageName')).toBe(pkg.name);
    const importPath = field('importPath') ?? '';
    expect(importPath.endsWith('/index.js')).toBe(true);
    expect(statSync(join(DIST, 'index.js')).isFile()).toBe(true);
    expect(block).not.toMatch(/^\s*globalName:/m);
    expect(block).toMatch(/styles: \['[^']*\/calcification\.css'\]/);
    expect(statSync(join(DIST, 'calcification.css')).isFile()).toBe(true);
  });

  it('gives the package\'s coreVersionRange, which the @ohif/core the registration test registers with satisfies', () => {
    expect(field('coreVersionRange')).toBe(pkg.ohif.coreVersionRange);
    const ohif = JSON.parse(readFileSync(join(ROOT, 'tests/ohif/node_modules/@ohif/core/package.json'), 'utf8')) as { version: string };
    expect(inRange(ohif.version, pkg.ohif.coreVersionRange)).toBe(true);
    expect(inRange('3.12.9', pkg.ohif.coreVersionRange)).toBe(false);
    expect(inRange('4.0.0', pkg.ohif.coreVersionRange)).toBe(false);
  });
});
