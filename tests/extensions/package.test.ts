/**
 * The extension as a package: its package.json (name = the extension id, ES module, peer
 * dependencies on the root's Cornerstone3D and React versions, the OHIF discovery keyword), the
 * root's public entry points as the type checker and the bundler see them, and the lint rule that
 * keeps the extension on those entry points.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_VERSION } from '../../extensions/calcification/id.js';
import { publicEntrySources } from '../../scripts/public-entry-points.js';

const ROOT = resolve(import.meta.dirname, '../..');
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
const root = json('package.json') as { dependencies: Record<string, string>; exports: Record<string, unknown> };
const ext = json('extensions/calcification/package.json') as {
  name: string;
  type: string;
  keywords: string[];
  exports: Record<string, { types: string; import: string }>;
  peerDependencies: Record<string, string>;
};

describe('the extension package', () => {
  it('writes its package.json version as the device version of the SRs it saves', () => {
    expect(EXTENSION_VERSION).toBe((json('extensions/calcification/package.json') as { version: string }).version);
  });

  it('is named by the extension id, an ES module with the OHIF extension keyword', () => {
    expect(ext.name).toBe(EXTENSION_ID);
    expect(ext.type).toBe('module');
    expect(ext.keywords).toContain('ohif-extension');
    expect(ext.exports['.']).toEqual({ types: './dist/types/extensions/calcification/index.d.ts', import: './dist/index.js' });
  });

  it('has peer dependencies on the Cornerstone3D and React versions the project is built with', () => {
    for (const name of ['@cornerstonejs/core', '@cornerstonejs/tools', 'react', 'react-dom']) {
      expect(ext.peerDependencies[name], name).toBe(root.dependencies[name]);
    }
  });
});

describe('the core\'s public entry points', () => {
  it('are calcscribe/core, calcscribe/draft, calcscribe/codes and calcscribe/dicomweb-json, built to dist and compiled from src here', () => {
    expect(publicEntrySources()).toEqual({
      'calcscribe/core': join(ROOT, 'src/core/index.ts'),
      'calcscribe/draft': join(ROOT, 'src/core/draft/index.ts'),
      'calcscribe/codes': join(ROOT, 'src/core/codes.ts'),
      'calcscribe/dicomweb-json': join(ROOT, 'src/dicomweb/instance-list.ts'),
    });
    expect(root.exports['./core']).toMatchObject({ types: './dist/src/core/index.d.ts', default: './dist/src/core/index.js' });
  });

  it('are what the type checker\'s paths name (tsconfig.json repeats the exports map)', () => {
    const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
    const paths = Object.fromEntries(Object.entries(tsconfig.compilerOptions.paths).map(([k, [v]]) => [k, join(ROOT, v as string)]));
    expect(paths).toEqual(publicEntrySources());
  });
});

describe('the lint rule at the extension\'s boundary', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (code: string, file = 'extensions/calcification/probe.ts'): Promise<string[]> => {
    const [r] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    return (r?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
  };

  it('refuses deep imports into src/ (static, type-only and dynamic) and other calcscribe/ subpaths', async () => {
    expect(await lint("import { ok } from '../../src/core/result.js';\nexport { ok };\n")).toEqual([expect.stringMatching(/^no-restricted-imports: .*public entry points/)]);
    expect(await lint("import type { PointPx } from '../../../src/core/units.js';\nexport type { PointPx };\n", 'extensions/calcification/tools/probe.ts')).toHaveLength(1);
    expect(await lint("export const f = () => import('../../src/viewer/viewport/registry.js');\n")).toEqual([expect.stringMatching(/^no-restricted-syntax: /)]);
    expect(await lint("import { x } from 'calcscribe/core/units';\nexport { x };\n")).toEqual([expect.stringMatching(/Only calcscribe\/core/)]);
  });

  it('lets the entry points and the extension\'s own modules through, and leaves other folders alone', async () => {
    expect(await lint("import { ok } from 'calcscribe/core';\nimport { deriveFinding } from 'calcscribe/draft';\nimport { ASSESSMENT_CODES } from 'calcscribe/codes';\nimport { EXTENSION_ID } from './id.js';\nexport { ok, deriveFinding, ASSESSMENT_CODES, EXTENSION_ID };\n")).toEqual([]);
    expect(await lint("import { ok } from '../core/result.js';\nexport { ok };\n", 'src/viewer/probe.ts')).toEqual([]);
  });
});
