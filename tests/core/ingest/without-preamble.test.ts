/**
 * Files without the 128-byte preamble and "DICM" marker, made by stripping committed files:
 * the meta group first (preamble dropped), or the bare data set (meta group dropped too), in
 * implicit and explicit VR little endian.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDicom } from '../../../src/core/ingest/index.js';
import type { MammoImage } from '../../../src/core/image.js';

const unit = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../test-data/unit/${name}`, import.meta.url)));

/** Drops the preamble and "DICM" (132 bytes): the File Meta Information comes first. */
const withoutPreamble = (bytes: Uint8Array): Uint8Array => bytes.slice(132);

/** Drops the preamble and the whole meta group (its length is in (0002,0000)): the bare data set. */
function withoutMeta(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(view.getUint16(132, true)).toBe(0x0002);
  expect(view.getUint16(134, true)).toBe(0x0000);
  const groupLength = view.getUint32(140, true);
  return bytes.slice(144 + groupLength);
}

async function ingestOk(bytes: Uint8Array): Promise<MammoImage> {
  const r = await ingestDicom(bytes);
  if (!r.ok) throw new Error(`expected an image, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

describe('files without preamble and "DICM" marker', () => {
  for (const [file, tsName] of [
    ['implicit-vr.dcm', 'Implicit VR Little Endian'],
    ['bits-stored-12.dcm', 'Explicit VR Little Endian'],
  ] as const) {
    it(`reads ${file} with its meta group first, the same image as with its preamble`, async () => {
      const whole = unit(file);
      const original = await ingestOk(whole);
      const image = await ingestOk(withoutPreamble(whole));
      expect(image.meta.transferSyntaxUid).toBe(original.meta.transferSyntaxUid);
      expect(Array.from(image.stored)).toEqual(Array.from(original.stored));
      expect(image.calibration).toEqual(original.calibration);
      expect(image.meta.laterality).toBe(original.meta.laterality);
      expect(image.meta.warnings).toEqual(['no 128-byte preamble and "DICM" marker: read from its File Meta Information', ...original.meta.warnings]);
    });

    it(`reads ${file} as a bare data set, detecting ${tsName}`, async () => {
      const whole = unit(file);
      const original = await ingestOk(whole);
      const image = await ingestOk(withoutMeta(whole));
      expect(image.meta.transferSyntaxUid).toBe(original.meta.transferSyntaxUid);
      expect(Array.from(image.stored)).toEqual(Array.from(original.stored));
      expect(image.calibration).toEqual(original.calibration);
      expect(image.meta.view).toBe(original.meta.view);
      expect(image.meta.warnings[0]).toBe(`no 128-byte preamble and "DICM" marker: read as a data set in ${tsName} (detected; no File Meta Information)`);
    });
  }

  it('says a bare data set cut short is truncated', async () => {
    const bare = withoutMeta(unit('implicit-vr.dcm'));
    const r = await ingestDicom(bare.subarray(0, bare.length - 1000));
    expect(r.ok ? null : r.error.kind).toBe('truncated');
    expect(r.ok ? '' : r.error.message).toContain('no preamble and "DICM" marker');
  });

  it('still refuses garbage, including garbage that starts like a data set', async () => {
    let s = 12345;
    const noise = new Uint8Array(4096).map(() => {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      return s >> 16;
    });
    const startsLikeGroup8 = Uint8Array.from([0x08, 0x00, 0x05, 0x00, ...noise.subarray(4)]);
    const startsLikeExplicit = Uint8Array.from([0x08, 0x00, 0x16, 0x00, 0x55, 0x49, ...noise.subarray(6)]);
    const startsLikeMeta = Uint8Array.from([0x02, 0x00, 0x00, 0x00, 0x55, 0x4c, ...noise.subarray(6)]);
    for (const [name, bytes] of Object.entries({ noise, startsLikeGroup8, startsLikeExplicit, startsLikeMeta })) {
      const r = await ingestDicom(bytes);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(['not-dicom', 'truncated'], `${name}: ${r.error.message}`).toContain(r.error.kind);
    }
    const r = await ingestDicom(noise);
    expect(r.ok ? null : r.error).toEqual({
      kind: 'not-dicom',
      message: 'not a DICOM file: no "DICM" marker at byte 128, and it does not start like a data set without one',
    });
  });

  it('refuses a bare data set whose attributes are out of order', async () => {
    const bare = withoutMeta(unit('implicit-vr.dcm'));
    // Swap the first two elements' tags: (0008,0005)… then an earlier one.
    const view = new DataView(bare.buffer, bare.byteOffset, bare.byteLength);
    const firstLength = view.getUint32(4, true);
    const second = 8 + firstLength;
    const [g1, e1, g2, e2] = [view.getUint16(0, true), view.getUint16(2, true), view.getUint16(second, true), view.getUint16(second + 2, true)];
    expect(g1 * 65536 + e1).toBeLessThan(g2 * 65536 + e2);
    view.setUint16(second, g1, true);
    view.setUint16(second + 2, e1, true);
    view.setUint16(0, g2, true);
    view.setUint16(2, e2, true);
    const r = await ingestDicom(bare);
    expect(r.ok ? null : r.error).toEqual({
      kind: 'not-dicom',
      message: 'not a DICOM file: no "DICM" marker at byte 128, and read without one its attributes are out of order',
    });
  });
});
