import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Phantom } from '../../test-data/generator/generate-phantom.js';
import { generatePhantom } from '../../test-data/generator/generate-phantom.js';
import { decodeJpegLs } from '../../test-data/generator/jpeg-ls.js';
import type { PhantomOptions } from '../../test-data/generator/phantom-options.js';
import { phantomOptions } from '../../test-data/generator/phantom-options.js';
import { HOSTILE_PATIENT_NAME } from '../../test-data/generator/command.js';
import { dciodvfy, dcmdjpls, dcmdump } from './dicom-tools.js';
import { readPhantom } from './read-dicom.js';

const SMALL = { rows: 256, columns: 208 } as const;
const dir = mkdtempSync(join(tmpdir(), 'phantom-dicom-'));

const VARIANTS: Record<string, Partial<PhantomOptions>> = {
  'explicit MONOCHROME2': {},
  MONOCHROME1: { photometric: 'MONOCHROME1' },
  'implicit VR': { syntax: 'implicit' },
  'JPEG-LS': { syntax: 'jpeg-ls' },
  'Pixel Spacing GEOMETRY': { pixelSpacingGeometry: true },
  magnification: { magnification: true },
  '12 bits stored': { bitsStored: 12 },
  'left MLO': { side: 'L', view: 'MLO' },
  'ML view': { view: 'ML', findings: [{ morphology: 'milk of calcium', distribution: 'grouped', count: 5 }] },
  'hostile name': { patient: { name: HOSTILE_PATIENT_NAME, id: 'X1', birthDate: '19700101' } },
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const made = new Map<string, { phantom: Phantom; path: string }>();

beforeAll(async () => {
  for (const [name, o] of Object.entries(VARIANTS)) {
    const phantom = await generatePhantom(phantomOptions({ seed: 21, size: SMALL, ...o }));
    const path = join(dir, `${name.replace(/\W+/g, '-')}.dcm`);
    writeFileSync(path, phantom.dicom);
    made.set(name, { phantom, path });
  }
});

const get = (name: string): { phantom: Phantom; path: string } => {
  const m = made.get(name);
  if (m === undefined) throw new Error(`variant ${name} was not generated`);
  return m;
};

describe('dciodvfy on every variant', () => {
  for (const name of Object.keys(VARIANTS)) {
    it(`reports no errors for ${name}`, () => {
      const report = dciodvfy(get(name).path);
      expect(report.errors).toEqual([]);
    });
  }
});

describe('header attributes', () => {
  it('writes the MG For Presentation SOP class, laterality, view code and orientation', () => {
    const { dataSet } = readPhantom(get('left MLO').phantom.dicom);
    expect(dataSet.string('x00080016')).toBe('1.2.840.10008.5.1.4.1.1.1.2');
    expect(dataSet.string('x00200062')).toBe('L');
    expect(dataSet.string('x00200020')).toBe('A\\F');
    const view = dataSet.elements['x00540220']?.items?.[0]?.dataSet;
    expect(view?.string('x00080100')).toBe('399368009');
    expect(dataSet.string('x00080068')).toBe('FOR PRESENTATION');
  });

  it('writes Imager Pixel Spacing and ERMF whose ratio is the truth spacing', () => {
    const { phantom } = get('explicit MONOCHROME2');
    const { dataSet } = readPhantom(phantom.dicom);
    const ips = Number(dataSet.string('x00181164')?.split('\\')[0]);
    const ermf = Number(dataSet.string('x00181114'));
    expect(ips).toBeCloseTo(0.1, 10);
    expect(ips / ermf).toBeCloseTo(phantom.truth.calibration.spacingMm, 8);
    expect(phantom.truth.calibration.kind).toBe('magnification-corrected');
    expect(dataSet.string('x00280030')).toBeUndefined();
  });

  it('writes Pixel Spacing with calibration type GEOMETRY only on that variant', () => {
    const { phantom } = get('Pixel Spacing GEOMETRY');
    const { dataSet } = readPhantom(phantom.dicom);
    expect(dataSet.string('x00280a02')).toBe('GEOMETRY');
    expect(Number(dataSet.string('x00280030')?.split('\\')[0])).toBeCloseTo(phantom.truth.calibration.spacingMm, 8);
    expect(phantom.truth.calibration.kind).toBe('geometry');
  });

  it('marks the magnification view with a view modifier and an ERMF of 1.8', () => {
    const { dataSet } = readPhantom(get('magnification').phantom.dicom);
    expect(Number(dataSet.string('x00181114'))).toBeCloseTo(1.8, 6);
    const modifier = dataSet.elements['x00540220']?.items?.[0]?.dataSet?.elements['x00540222']?.items?.[0]?.dataSet;
    expect(modifier?.string('x00080104')).toBe('magnification');
  });

  it('keeps a hostile patient name as data, byte for byte', () => {
    const { dataSet } = readPhantom(get('hostile name').phantom.dicom);
    expect(dataSet.string('x00100010')).toBe(HOSTILE_PATIENT_NAME);
  });

  it('stores 12 bits with high bit 11 and no value above 4095', () => {
    const { dataSet, pixels } = readPhantom(get('12 bits stored').phantom.dicom);
    expect(dataSet.uint16('x00280101')).toBe(12);
    expect(dataSet.uint16('x00280102')).toBe(11);
    expect(Math.max(...(pixels ?? []))).toBeLessThanOrEqual(4095);
    expect(Math.max(...(pixels ?? []))).toBeGreaterThan(2000);
  });
});

describe('MONOCHROME1', () => {
  it('stores max − value of the MONOCHROME2 image with the same seed', () => {
    const m2 = get('explicit MONOCHROME2').phantom.pixels;
    const m1 = get('MONOCHROME1').phantom.pixels;
    const max = 2 ** 14 - 1;
    expect(m1.length).toBe(m2.length);
    let mismatches = 0;
    for (let i = 0; i < m1.length; i++) if ((m1[i] as number) !== max - (m2[i] as number)) mismatches++;
    expect(mismatches).toBe(0);
    const { dataSet } = readPhantom(get('MONOCHROME1').phantom.dicom);
    expect(dataSet.string('x00280004')).toBe('MONOCHROME1');
    expect(dataSet.string('x20500020')).toBe('INVERSE');
  });
});

describe('JPEG-LS variant', () => {
  it('has a Basic Offset Table item and one fragment holding a JPEG-LS codestream', () => {
    const text = dcmdump(get('JPEG-LS').path);
    expect(text).toMatch(/PixelSequence #=2/);
    const { frame } = readPhantom(get('JPEG-LS').phantom.dicom);
    expect(frame?.[0]).toBe(0xff);
    expect(frame?.[1]).toBe(0xd8);
    expect(frame?.[3]).toBe(0xf7);
  });

  it('decodes (CharLS) to exactly the uncompressed pixels', async () => {
    const { frame } = readPhantom(get('JPEG-LS').phantom.dicom);
    if (frame === null) throw new Error('no frame');
    const decoded = await decodeJpegLs(frame);
    const reference = readPhantom(get('explicit MONOCHROME2').phantom.dicom).pixels;
    expect(decoded.width).toBe(SMALL.columns);
    expect(decoded.height).toBe(SMALL.rows);
    expect(Buffer.from(decoded.pixels.buffer, decoded.pixels.byteOffset, decoded.pixels.byteLength)
      .equals(Buffer.from(reference?.buffer ?? new ArrayBuffer(0), reference?.byteOffset, reference?.byteLength))).toBe(true);
  });

  it('decompresses with dcmtk (dcmdjpls) to exactly the uncompressed pixels', () => {
    const out = join(dir, 'jpeg-ls-decoded.dcm');
    dcmdjpls(get('JPEG-LS').path, out);
    const decoded = readPhantom(new Uint8Array(readFileSync(out))).pixels;
    expect(decoded).toEqual(get('explicit MONOCHROME2').phantom.pixels);
  });
});

describe('full-field size', () => {
  it('makes a 4096 × 3328, 16-bit image at 0.07 mm that validates', async () => {
    const p = await generatePhantom(phantomOptions({ seed: 4, size: 'full', findings: [{ morphology: 'punctate', distribution: 'grouped', count: 6 }] }));
    const path = join(dir, 'full.dcm');
    writeFileSync(path, p.dicom);
    const { dataSet, rows, columns } = readPhantom(p.dicom);
    expect([rows, columns]).toEqual([4096, 3328]);
    expect(dataSet.uint16('x00280101')).toBe(16);
    expect(dataSet.string('x00181164')).toBe('0.07\\0.07');
    expect(dciodvfy(path).errors).toEqual([]);
  }, 60_000);
});
