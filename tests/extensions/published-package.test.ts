/**
 * The extension as npm would publish it (`npm pack --dry-run`, the files "files" lets in): every
 * module its built code and its type declarations import is either one of its own packed files or
 * a package it declares (dependency or peer dependency, and for a package without its own types
 * the @types package too); the core is carried inside (code and declarations), so no `calcscribe`
 * module is named; "exports", "main", "module" and "types" point at packed files; and a project
 * that installs it with its declared packages type-checks against its declarations. Reads the
 * build `npm run build` made.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXT = join(ROOT, 'extensions/calcification');
if (!existsSync(join(EXT, 'dist/index.js'))) throw new Error('the extension is not built: run npm run build');

interface Manifest {
  main: string;
  module: string;
  types: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  devDependencies?: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8')) as Manifest;
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

const packed: string[] = (
  JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: EXT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[]
)[0]!.files.map((f) => f.path);
const inPack = new Set(packed);

const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);

/** 'react/jsx-runtime' → 'react', '@cornerstonejs/core/x' → '@cornerstonejs/core'. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Module specifiers of a file: static imports and re-exports, dynamic imports, import types; comments left out. */
function specifiers(code: string): string[] {
  const bare = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...bare.matchAll(/^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?["']([^"']+)["']/gm),
    ...bare.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...bare.matchAll(/\/\/\/\s*<reference\s+types=["']([^"']+)["']/g),
  ];
  return found.map((m) => m[1] as string);
}

/** Whether an installed package carries its own declarations. */
function hasOwnTypes(name: string): boolean {
  const dir = join(ROOT, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { types?: string; typings?: string; exports?: unknown };
  return manifest.types !== undefined || manifest.typings !== undefined || existsSync(join(dir, 'index.d.ts')) || JSON.stringify(manifest.exports ?? {}).includes('"types"');
}

describe('the packed extension', () => {
  it('holds the bundle, its styles and its declarations, and nothing outside dist', () => {
    expect(packed).toEqual(expect.arrayContaining(['package.json', 'dist/index.js', 'dist/api.js', 'dist/calcification.css', 'dist/types/extensions/calcification/index.d.ts', 'dist/types/src/core/index.d.ts']));
    expect(packed.filter((f) => f !== 'package.json' && !f.startsWith('dist/'))).toEqual([]);
  });

  it('points "main", "module", "types" and every export at a packed file', () => {
    const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)))];
    expect(targets.length).toBeGreaterThan(5);
    for (const t of targets) expect(inPack.has(posix.normalize(t)), t).toBe(true);
  });

  it('imports in its code only its own files and the packages it declares', () => {
    const js = packed.filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(3);
    const packages = new Set<string>();
    for (const file of js) {
      for (const s of specifiers(readFileSync(join(EXT, file), 'utf8'))) {
        if (s.startsWith('.')) expect(inPack.has(posix.join(posix.dirname(file), s)), `${file} → ${s}`).toBe(true);
        else packages.add(packageOf(s));
      }
    }
    expect([...packages].length).toBeGreaterThan(0);
    for (const p of packages) expect(declared.has(p), `${p} is imported by the bundle but not a dependency or peer dependency`).toBe(true);
  });

  it('imports in its declarations only its own declaration files and declared packages with their types', () => {
    const dts = packed.filter((f) => f.endsWith('.d.ts'));
    expect(dts.length).toBeGreaterThan(50);
    const packages = new Set<string>();
    for (const file of dts) {
      for (const s of specifiers(readFileSync(join(EXT, file), 'utf8'))) {
        if (s.startsWith('.')) {
          const target = posix.join(posix.dirname(file), s).replace(/\.js$/, '');
          expect(inPack.has(`${target}.d.ts`) || inPack.has(`${target}/index.d.ts`), `${file} → ${s}`).toBe(true);
        } else packages.add(packageOf(s));
      }
    }
    expect(packages.has('calcscribe')).toBe(false);
    for (const p of packages) {
      expect(declared.has(p), `${p} is imported by the declarations but not a dependency or peer dependency`).toBe(true);
      if (!hasOwnTypes(p)) expect(declared.has(`@types/${p}`), `${p} has no types of its own: @types/${p} must be declared`).toBe(true);
    }
  });

  it('names no calcscribe module: the core is carried inside, and is no dependency of any kind', () => {
    for (const file of packed.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
      expect(specifiers(readFileSync(join(EXT, file), 'utf8')).filter((s) => packageOf(s) === 'calcscribe'), file).toEqual([]);
    }
    for (const deps of [pkg.dependencies, pkg.peerDependencies, pkg.devDependencies]) expect(Object.keys(deps ?? {})).not.toContain('calcscribe');
  });

  it('declares its dependencies at the versions the project builds with; the types-only ones optional', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      if (name === '@ohif/core') continue;
      expect(range, name).toBe(rootPkg.dependencies[name] ?? rootPkg.devDependencies[name]);
    }
    expect(pkg.peerDependenciesMeta?.['@types/react']?.optional).toBe(true);
  });
});

describe('a project installing the extension', () => {
  it('type-checks its use of the extension and the API against the declarations, with only the declared packages installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calcscribe-consumer-'));
    try {
      const link = (name: string, target: string): void => {
        mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
        symlinkSync(target, join(dir, 'node_modules', name));
      };
      link('@calcscribe/extension-calcification', EXT);
      for (const name of declared) if (name !== '@ohif/core') link(name, join(ROOT, 'node_modules', name));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
      const consumer = join(dir, 'consumer.ts');
      writeFileSync(
        consumer,
        [
          "import extension from '@calcscribe/extension-calcification';",
          "import { MAMMO_PROTOCOL, createDraftStore, measureWithCore, type DraftStore } from '@calcscribe/extension-calcification/api';",
          'export const id: string = extension.id;',
          'export const stages: string[] = MAMMO_PROTOCOL.stages.map((s) => s.id);',
          'export const store: (typeof createDraftStore extends (...a: never[]) => DraftStore ? true : false) = true;',
          'export { measureWithCore };',
          '',
        ].join('\n'),
      );
      const program = ts.createProgram([consumer], {
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      });
      const ours = (file: string | undefined): boolean => file !== undefined && (file === consumer || realpathSync(file).startsWith(join(EXT, 'dist')));
      const loaded = program.getSourceFiles().map((f) => f.fileName).filter(ours);
      expect(loaded.some((f) => realpathSync(f).endsWith('dist/types/src/core/index.d.ts'))).toBe(true);
      const problems = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => ours(d.file?.fileName))
        .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
