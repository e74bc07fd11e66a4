/**
 * The decoders of compressed pixel data (decode-compressed-frame.ts and the codec packages it
 * loads) are imported only when a frame of their transfer syntax is met: nothing the command line
 * loads at start-up (`calcscribe info` is meant to start in under twice a bare node's time), and
 * nothing the OHIF extension's bundle loads when it is registered, imports them statically. Read
 * from the built files (`npm run build`), following their static imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/cli');
const EXTENSION = join(ROOT, 'extensions/calcification/dist');
for (const entry of [join(CLI, 'main.js'), join(EXTENSION, 'index.js')]) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`);
}

/** The bundler's marker at the start of a module's code in a (non-minified) built file. */
const CODEC_MODULE = '// src/core/ingest/decode-compressed-frame.ts';
/** Packages that hold the codecs. */
const CODEC_PACKAGE = /^(@cornerstonejs\/codec-|jpeg-lossless-decoder-js)/;

const STATIC_IMPORT = /^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?["']([^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

const specifiers = (code: string, pattern: RegExp): string[] => [...code.matchAll(pattern)].map((m) => m[1] as string);

/** Every built file an entry loads before any of its code runs (its static imports, transitively), and the packages named there. */
function loadedAtStart(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const s of specifiers(readFileSync(file, 'utf8'), STATIC_IMPORT)) {
      if (s.startsWith('.')) visit(resolve(dirname(file), s));
      else packages.add(s);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

const holdsCodecModule = (file: string): boolean => readFileSync(file, 'utf8').includes(CODEC_MODULE);

describe('the command line', () => {
  it('loads no decoder at start-up, nor for `calcscribe info`', () => {
    for (const entry of ['main.js', 'info.js']) {
      const start = loadedAtStart(join(CLI, entry));
      // main.js loads each command's file when the command runs; info.js imports the header reader.
      expect(start.files.length).toBeGreaterThan(entry === 'main.js' ? 0 : 1);
      expect(start.files.filter(holdsCodecModule).map((f) => f.slice(CLI.length + 1)), entry).toEqual([]);
      expect(start.packages.filter((p) => CODEC_PACKAGE.test(p)), entry).toEqual([]);
    }
  });

  it('keeps the decoders in their own file, imported by the ingest when a compressed frame is met', () => {
    const holders = readdirSync(CLI).filter((f) => f.endsWith('.js') && holdsCodecModule(join(CLI, f)));
    expect(holders).toEqual(['decode-compressed-frame.js']);
    const importers = readdirSync(CLI).filter((f) => f.endsWith('.js') && specifiers(readFileSync(join(CLI, f), 'utf8'), DYNAMIC_IMPORT).includes('./decode-compressed-frame.js'));
    expect(importers.length).toBeGreaterThan(0);
    const codecs = specifiers(readFileSync(join(CLI, 'decode-compressed-frame.js'), 'utf8'), DYNAMIC_IMPORT).filter((s) => CODEC_PACKAGE.test(s));
    expect(codecs.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the OHIF extension\'s bundle', () => {
  it('loads no decoder when OHIF registers it (index.js) or a host uses its API (api.js)', () => {
    for (const entry of ['index.js', 'api.js']) {
      const start = loadedAtStart(join(EXTENSION, entry));
      expect(start.files.length).toBeGreaterThan(1);
      expect(start.files.filter(holdsCodecModule), entry).toEqual([]);
      expect(start.packages.filter((p) => CODEC_PACKAGE.test(p)), entry).toEqual([]);
    }
  });
});

describe('the sources', () => {
  it('import the decoders\' module for its values only where a frame is decoded (the ingest, lazily): everywhere else its types alone', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const staticValueImports = [...files(join(ROOT, 'src/core')), ...files(join(ROOT, 'src/cli')), ...files(join(ROOT, 'extensions/calcification')).filter((f) => !f.includes('/dist/'))].filter((f) =>
      /^\s*(?:import|export)\s(?!type\s)[^;]*?from\s*'[^']*decode-compressed-frame\.js'/m.test(readFileSync(f, 'utf8')),
    );
    // The command line's decode worker decodes frames: it is a worker thread of its own, started at
    // the first compressed frame met (worker-decoders.ts), and no module imports it.
    expect(staticValueImports.map((f) => f.slice(ROOT.length + 1))).toEqual(['src/cli/decode-worker.ts']);
    const importers = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'extensions/calcification')).filter((f) => !f.includes('/dist/'))].filter((f) =>
      /^\s*(?:import|export)\s[^;]*?from\s*'[^']*decode-worker\.js'/m.test(readFileSync(f, 'utf8')),
    );
    expect(importers).toEqual([]);
  });
});
