/**
 * Test instrumentation stays out of the product: the viewer `npm start` builds carries no
 * window.calcscribe hooks (src/viewer/app/test-hooks.ts), while the build the browser tests drive
 * (testHooks) does — the same search finds them there, so it can fail.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { viewerConfig } from '../../vite.config.js';

const made: string[] = [];

afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Builds the viewer (production mode) and returns the text of its JavaScript files. */
async function builtScripts(testHooks: boolean): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'calcscribe-build-'));
  made.push(outDir);
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...viewerConfig({ outDir, testHooks }), configFile: false, mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const files = (await readdir(outDir, { recursive: true })).filter((f) => f.endsWith('.js'));
  return (await Promise.all(files.map((f) => readFile(join(outDir, f), 'utf8')))).join('\n');
}

describe('the viewer builds', () => {
  it('the product build has no test hooks; the test build has them', async () => {
    const product = await builtScripts(false);
    expect(product.length).toBeGreaterThan(100_000);
    expect(product).not.toContain('clickToFinding');
    expect(product).not.toContain('heldInWorker');
    const tested = await builtScripts(true);
    expect(tested).toContain('clickToFinding');
    expect(tested).toContain('heldInWorker');
  }, 300_000);
});
