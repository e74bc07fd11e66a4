/**
 * What the viewer shows is text, and the page runs only its own code: a phantom whose patient
 * name is markup is shown literally with no dialog; a file that is not an image is refused by name;
 * the Content-Security-Policy is sent and nothing the app does violates it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PATIENT_NAME } from '../../test-data/generator/index.js';
import { OUTPUT_DIR, openViewer, type ViewerSession } from './harness.js';

const SAMPLE = join(process.cwd(), 'test-data/sample');

interface DicomDict {
  readonly dict: Record<string, { vr: string; Value: unknown[] } | undefined>;
  write(): ArrayBuffer;
}
const dcmjs = createRequire(import.meta.url)('dcmjs') as { data: { DicomMessage: { readFile(b: ArrayBuffer): DicomDict } } };

let s: ViewerSession;
let dir: string;
let csp: string | null = null;

/** The sample RCC with its Patient Name replaced. */
async function renamed(name: string): Promise<Uint8Array> {
  const bytes = await readFile(join(SAMPLE, 'RCC.dcm'));
  const dict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const element = dict.dict['00100010'];
  if (!element) throw new Error('sample has no Patient Name');
  element.Value = [{ Alphabetic: name }];
  return new Uint8Array(dict.write());
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calcscribe-hostile-'));
  await writeFile(join(dir, 'RCC.dcm'), await renamed(HOSTILE_PATIENT_NAME));
  await writeFile(join(dir, 'notes.dcm'), 'this is a text file, not an image\n');
  await writeFile(
    join(dir, 'exam.json'),
    JSON.stringify({ studies: [{ role: 'current', images: [{ file: 'RCC.dcm' }, { file: 'notes.dcm' }] }] }),
  );
  s = await openViewer({ examDirs: { '/hostile/': dir }, path: '/?exam=/hostile/' });
  s.page.on('response', (r) => {
    if (new URL(r.url()).pathname === '/') csp = r.headers()['content-security-policy'] ?? null;
  });
  await s.page.reload();
  await s.page.locator('[data-testid="viewport-RCC"] .mammo-element[data-displayed="true"]').waitFor({ timeout: 60_000 });
  await s.page.getByTestId('message').first().waitFor();
  await s.page.screenshot({ path: join(OUTPUT_DIR, 'viewer-hostile-name.png') });
});

afterAll(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile DICOM text', () => {
  it('shows the markup in the patient name literally and runs nothing', async () => {
    const shown = (await s.page.getByTestId('patient-name').textContent()) ?? '';
    expect(shown).toContain('<img src=x onerror=alert(1)>');
    expect(await s.page.getByTestId('patient-name').locator('img').count()).toBe(0);
    expect(await s.page.locator('img[src="x"]').count()).toBe(0);
    await s.page.waitForTimeout(300);
    expect(s.dialogs).toEqual([]);
  });

  it('refuses the file that is not an image, naming it', async () => {
    const messages = await s.page.getByTestId('message').allTextContents();
    expect(messages.some((m) => m.startsWith('notes.dcm refused:'))).toBe(true);
    expect(await s.page.getByTestId('status').textContent()).toBe('1 image loaded');
  });
});

describe('Content-Security-Policy', () => {
  it('is sent with the page and allows only the app itself, its workers and WebAssembly', async () => {
    await s.page.reload();
    await s.page.locator('[data-testid="viewport-RCC"] .mammo-element[data-displayed="true"]').waitFor({ timeout: 60_000 });
    expect(csp).not.toBeNull();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    const directives = new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect([...directives.values()].flat()).not.toContain('*');
    expect([...directives.values()].flat()).not.toContain("'unsafe-eval'");
    const blocked = await s.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.appendChild(script);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan !== true;
    });
    expect(blocked).toBe(true);
    expect(s.errors.filter((e) => /Content Security Policy/i.test(e) && !/__inlineRan|inline script/i.test(e))).toEqual([]);
  });
});
