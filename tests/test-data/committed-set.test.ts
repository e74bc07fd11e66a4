import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCommittedSet } from '../../test-data/generator/make-committed-set.js';
import { decodeJpegLs } from '../../test-data/generator/jpeg-ls.js';
import { dciodvfy } from './dicom-tools.js';
import { readPhantom } from './read-dicom.js';

const ROOT = join(import.meta.dirname, '..', '..', 'test-data');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('committed phantom set', () => {
  it('equals, byte for byte, what make-committed-set.ts regenerates', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'committed-'));
    const written = await makeCommittedSet(fresh);
    const committed = [...filesUnder(join(ROOT, 'sample')), ...filesUnder(join(ROOT, 'unit'))].map((f) => relative(ROOT, f)).sort();
    expect(committed).toEqual([...written].sort());
    for (const f of written) {
      expect(readFileSync(join(ROOT, f)).equals(readFileSync(join(fresh, f))), f).toBe(true);
    }
    rmSync(fresh, { recursive: true, force: true });
  }, 120_000);

  it('stays well under 20 MB', () => {
    const total = [...filesUnder(join(ROOT, 'sample')), ...filesUnder(join(ROOT, 'unit'))].reduce((s, f) => s + statSync(f).size, 0);
    expect(total).toBeLessThan(18 * 1024 * 1024);
  });

  it('passes dciodvfy without errors, file by file', () => {
    const dicoms = [...filesUnder(join(ROOT, 'sample')), ...filesUnder(join(ROOT, 'unit'))].filter((f) => f.endsWith('.dcm'));
    expect(dicoms.length).toBe(8 + 8 + 16);
    for (const f of dicoms) expect(dciodvfy(f).errors, relative(ROOT, f)).toEqual([]);
  });

  it('stores unit/jpeg-ls.dcm with exactly the pixels of unit/jpeg-ls-reference.dcm', async () => {
    const compressed = readPhantom(new Uint8Array(readFileSync(join(ROOT, 'unit', 'jpeg-ls.dcm'))));
    const reference = readPhantom(new Uint8Array(readFileSync(join(ROOT, 'unit', 'jpeg-ls-reference.dcm'))));
    if (compressed.frame === null) throw new Error('jpeg-ls.dcm is not encapsulated');
    const decoded = await decodeJpegLs(compressed.frame);
    expect(Array.from(decoded.pixels)).toEqual(Array.from(reference.pixels ?? []));
  });

  it('has truth whose groups and particles agree, for every committed image', () => {
    const truths = [...filesUnder(join(ROOT, 'sample')), ...filesUnder(join(ROOT, 'unit'))].filter((f) => f.endsWith('.truth.json'));
    expect(truths.length).toBe(32);
    for (const f of truths) {
      const t = JSON.parse(readFileSync(f, 'utf8')) as { groups: { id: string; count: number }[]; calcifications: { groupId: string; outline: unknown[] }[] };
      for (const g of t.groups) expect(t.calcifications.filter((c) => c.groupId === g.id).length, `${f} ${g.id}`).toBe(g.count);
      for (const c of t.calcifications) expect(c.outline.length).toBeGreaterThanOrEqual(4);
    }
  });
});
