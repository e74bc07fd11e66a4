/**
 * We read theirs: TID 1500 reports written by @cornerstonejs/adapters' MeasurementReport.generateReport
 * (what OHIF stores) from Cornerstone3D annotations on the sample's images — a freehand outline
 * along a real calcification, an ellipse, a length, a bidirectional, a probe point — read by
 * readForeignMeasurementSr and brought into the draft by importForeignMeasurements: outlines as
 * calcifications measured on their image, lines beside the draft, a warning for everything else,
 * never a throw.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adaptersSR } from '@cornerstonejs/adapters';
import { metaData, utilities } from '@cornerstonejs/core';
import dcmjs from 'dcmjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDicom, type MammoImage } from '../../../../src/core/index.js';
import { buildCalcificationSr, importForeignMeasurements, readCalcificationSr, readForeignMeasurementSr, writeSrPart10 } from '../../../../src/core/report/sr/index.js';
import type { PointPx } from '../../../../src/core/units.js';
import { makeRandom } from '../../../../test-data/generator/random.js';
import { readSampleImage, registerImages, type SampleImageMetadata } from './cornerstone-metadata.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';

const sampleDir = fileURLToPath(new URL('../../../../test-data/sample/', import.meta.url));
const FILES = ['RCC.dcm', 'LCC.dcm', 'RMLO.dcm', 'LMLO.dcm'];

let sample: SampleExam;
let meta: SampleImageMetadata[];
let mammo: Map<string, MammoImage>;
let unregister: () => void;
let bytes: Uint8Array;

const world = (imageId: string, p: PointPx): number[] => utilities.imageToWorldCoords(imageId, [p.x + 0.5, p.y + 0.5]) as number[];
const file = (name: string): SampleImageMetadata => meta.find((m) => m.file === name) as SampleImageMetadata;

/** The sample's first calcification on an image (a real one, segmented by calcscribe). */
function calcOn(imageId: string, nth = 0) {
  const c = sample.draft.calcifications.filter((x) => x.imageId === imageId)[nth];
  if (c === undefined) throw new Error(`the sample has no calcification ${nth} on ${imageId}`);
  return c;
}

function stats(imageId: string, s: Record<string, unknown>): Record<string, unknown> {
  return { [`imageId:${imageId}`]: s };
}

/** What an OHIF user would have drawn on RCC and LCC, as Cornerstone3D annotations. */
function toolState(): Record<string, Record<string, { data: unknown[] }>> {
  const rcc = file('RCC.dcm').imageId;
  const lcc = file('LCC.dcm').imageId;
  const freehand = calcOn('RCC.dcm');
  const round = calcOn('LCC.dcm');
  const c = round.measurements.centre;
  const r = 3;
  return {
    [rcc]: {
      PlanarFreehandROI: {
        data: [
          {
            metadata: { toolName: 'PlanarFreehandROI', referencedImageId: rcc },
            data: { contour: { polyline: freehand.contour.map((p) => world(rcc, p)), closed: true }, handles: { points: [] }, cachedStats: stats(rcc, { area: freehand.measurements.area.mm2, areaUnit: 'mm²' }) },
          },
        ],
      },
      Bidirectional: {
        data: [
          {
            metadata: { toolName: 'Bidirectional', referencedImageId: rcc },
            data: {
              handles: { points: [world(rcc, { x: 200, y: 300 } as PointPx), world(rcc, { x: 240, y: 300 } as PointPx), world(rcc, { x: 220, y: 290 } as PointPx), world(rcc, { x: 220, y: 310 } as PointPx)] },
              cachedStats: stats(rcc, { length: 3.7, width: 1.85, unit: 'mm' }),
            },
          },
        ],
      },
    },
    [lcc]: {
      EllipticalROI: {
        data: [
          {
            metadata: { toolName: 'EllipticalROI', referencedImageId: lcc },
            data: {
              handles: {
                points: [world(lcc, { x: c.x, y: c.y - r } as PointPx), world(lcc, { x: c.x, y: c.y + r } as PointPx), world(lcc, { x: c.x - r, y: c.y } as PointPx), world(lcc, { x: c.x + r, y: c.y } as PointPx)],
              },
              cachedStats: stats(lcc, { area: 2.4, areaUnit: 'mm²' }),
            },
          },
        ],
      },
      Length: {
        data: [{ metadata: { toolName: 'Length', referencedImageId: lcc }, data: { handles: { points: [world(lcc, { x: 10, y: 20 } as PointPx), world(lcc, { x: 40, y: 60 } as PointPx)] }, cachedStats: stats(lcc, { length: 4.6, unit: 'mm' }) } }],
      },
      Probe: {
        data: [{ metadata: { toolName: 'Probe', referencedImageId: lcc }, data: { handles: { points: [world(lcc, { x: 50, y: 50 } as PointPx)] }, cachedStats: stats(lcc, { value: 100 }) } }],
      },
    },
  };
}

beforeAll(async () => {
  sample = await loadSampleExam();
  meta = FILES.map(readSampleImage);
  unregister = registerImages(meta);
  mammo = new Map();
  for (const f of FILES) {
    const r = await ingestDicom(new Uint8Array(readFileSync(`${sampleDir}${f}`)));
    if (!r.ok) throw new Error(r.error.message);
    mammo.set(f, r.value);
  }
  const report = adaptersSR.Cornerstone3D.MeasurementReport.generateReport(toolState(), metaData, {}) as { dataset: Record<string, unknown> };
  const buffer = (dcmjs.data as unknown as { datasetToBuffer(ds: unknown): Uint8Array }).datasetToBuffer(report.dataset);
  bytes = new Uint8Array(buffer);
}, 120_000);

afterAll(() => unregister());

const near = (a: PointPx, b: PointPx): boolean => Math.abs(a.x - b.x) < 1e-3 && Math.abs(a.y - b.y) < 1e-3;

describe('a Cornerstone3D / OHIF measurement report', () => {
  it('is not ours: readCalcificationSr says so instead of reading it', () => {
    const r = readCalcificationSr(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not a Comprehensive SR|not written by calcscribe/);
  });

  it('gives its outlines and lines on their images, in calcscribe pixels, with the numbers it states', () => {
    const r = readForeignMeasurementSr(bytes);
    if (!r.ok) throw new Error(r.error.message);
    const { outlines, lines, warnings } = r.value;
    expect(outlines.map((o) => o.graphicType).sort()).toEqual(['ELLIPSE', 'POLYLINE']);
    const freehand = outlines.find((o) => o.graphicType === 'POLYLINE');
    const original = calcOn('RCC.dcm');
    expect(freehand?.sopInstanceUid).toBe(file('RCC.dcm').sopInstanceUid);
    expect(freehand?.trackingIdentifier).toBe('Cornerstone3DTools@^0.1.0:PlanarFreehandROI');
    expect(freehand?.contour).toHaveLength(original.contour.length);
    expect(freehand?.contour.every((p, i) => near(p, original.contour[i] as PointPx))).toBe(true);
    const area = freehand?.stated.find((s) => s.concept === 'Area');
    expect(area?.unit).toBe('mm2');
    expect(area?.value).toBeCloseTo(original.measurements.area.mm2 ?? NaN, 10);
    // The ellipse: a polygon on LCC whose points all lie 3 pixels from the calcification's centre.
    const ellipse = outlines.find((o) => o.graphicType === 'ELLIPSE');
    const c = calcOn('LCC.dcm').measurements.centre;
    expect(ellipse?.sopInstanceUid).toBe(file('LCC.dcm').sopInstanceUid);
    expect(ellipse?.contour.length).toBe(64);
    expect(ellipse?.contour.every((p) => Math.abs(Math.hypot(p.x - c.x, p.y - c.y) - 3) < 1e-3)).toBe(true);
    // Lines: the length, and the bidirectional's long and short axes.
    const byConcept = Object.fromEntries(lines.map((l) => [l.stated?.concept ?? '', l]));
    expect(Object.keys(byConcept).sort()).toEqual(['Length', 'Long Axis', 'Short Axis']);
    expect(near(byConcept['Length']?.from as PointPx, { x: 10, y: 20 } as PointPx)).toBe(true);
    expect(near(byConcept['Length']?.to as PointPx, { x: 40, y: 60 } as PointPx)).toBe(true);
    expect(byConcept['Length']?.stated).toMatchObject({ value: 4.6, unit: 'mm' });
    expect(byConcept['Long Axis']?.stated).toMatchObject({ value: 3.7, unit: 'mm' });
    expect(byConcept['Short Axis']?.stated).toMatchObject({ value: 1.85, unit: 'mm' });
    expect(byConcept['Long Axis']?.sopInstanceUid).toBe(file('RCC.dcm').sopInstanceUid);
    // The probe is a point: neither an outline nor a line.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Probe.*POINT of 1 point is neither an outline nor a line: left out/);
  });

  it('comes into the draft: outlines as drawn calcifications measured on their image, lines beside it, warnings for the rest', () => {
    const read = readForeignMeasurementSr(bytes);
    if (!read.ok) throw new Error(read.error.message);
    const r = importForeignMeasurements(sample.draft, mammo, read.value);
    if (!r.ok) throw new Error(r.error.message);
    const { draft, outlines, lines, warnings } = r.value;
    expect(draft.calcifications).toHaveLength(sample.draft.calcifications.length + 2);
    expect(outlines.map((o) => o.imageId).sort()).toEqual(['LCC.dcm', 'RCC.dcm']);
    const original = calcOn('RCC.dcm');
    const imported = draft.calcifications.find((x) => x.id === outlines.find((o) => o.imageId === 'RCC.dcm')?.calcificationId);
    expect(imported?.edited).toBe(true);
    expect(imported?.imageId).toBe('RCC.dcm');
    expect(imported?.contour.every((p, i) => near(p, original.contour[i] as PointPx))).toBe(true);
    // The same outline on the same image encloses the same pixels: the same area as calcscribe measured it.
    expect(imported?.measurements.area.mm2).toBeCloseTo(original.measurements.area.mm2 ?? NaN, 6);
    expect(imported?.measurements.calibration).toBe(original.measurements.calibration);
    // Every new calcification is in a finding (the grouping rule placed it).
    for (const o of outlines) expect(draft.findings.some((f) => f.calcificationIds.includes(o.calcificationId))).toBe(true);
    expect(lines.map((l) => l.imageId).sort()).toEqual(['LCC.dcm', 'RCC.dcm', 'RCC.dcm']);
    expect(warnings.filter((w) => /kept beside the draft/.test(w))).toHaveLength(3);
    expect(warnings.filter((w) => /left out/.test(w))).toHaveLength(1);
  });

  it('leaves out outlines on images the exam does not hold, with a warning', () => {
    const read = readForeignMeasurementSr(bytes);
    if (!read.ok) throw new Error(read.error.message);
    const only = new Map([...mammo].filter(([id]) => id !== 'RCC.dcm'));
    const draft = { ...sample.draft, images: sample.draft.images.filter((i) => i.imageId !== 'RCC.dcm') };
    const r = importForeignMeasurements(draft, only, read.value);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.outlines.map((o) => o.imageId)).toEqual(['LCC.dcm']);
    expect(r.value.warnings.filter((w) => /on an image this exam does not hold/.test(w))).toHaveLength(3);
  });

  it('read the same way, calcscribe\'s own SR gives each calcification\'s outline once, on its image', () => {
    const sr = buildCalcificationSr(sample.draft, sample.header, fixedOptions());
    if (!sr.ok) throw new Error(sr.error.message);
    const r = readForeignMeasurementSr(writeSrPart10(sr.value));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.outlines).toHaveLength(sample.draft.calcifications.length);
    for (const [i, c] of sample.draft.calcifications.entries()) {
      const o = r.value.outlines[i];
      expect(o?.sopInstanceUid).toBe(sample.header.images[c.imageId]?.sopInstanceUid);
      expect(o?.contour.every((p, k) => near(p, c.contour[k] as PointPx))).toBe(true);
    }
    expect(r.value.lines).toEqual([]);
    // The finding groups carry no geometry of their own.
    expect(r.value.warnings).toHaveLength(sample.draft.findings.length);
    expect(r.value.warnings.every((w) => /has no outline or line on an image: left out/.test(w))).toBe(true);
  });

  it('broken: every truncation and random byte flips give a result or an error, never a throw', () => {
    for (let n = 0; n < bytes.length; n += Math.max(1, Math.floor(bytes.length / 300))) {
      const r = readForeignMeasurementSr(bytes.subarray(0, n));
      expect(typeof r.ok).toBe('boolean');
    }
    const random = makeRandom(20260310).next;
    for (let k = 0; k < 100; k++) {
      const copy = bytes.slice();
      for (let f = 0; f < 8; f++) copy[132 + Math.floor(random() * (copy.length - 132))] = Math.floor(random() * 256);
      const r = readForeignMeasurementSr(copy);
      if (r.ok) {
        const imported = importForeignMeasurements(sample.draft, mammo, r.value);
        expect(typeof imported.ok).toBe('boolean');
      } else {
        expect(r.error.message.length).toBeGreaterThan(0);
      }
    }
  });
});
