import { describe, expect, it } from 'vitest';
import {
  annotationToContour,
  calcificationToAnnotation,
  draftCalcificationToolData,
  measuredAnnotationToDraft,
  measurementStats,
  targetIdOf,
  type PixelToWorld,
  type WorldToPixel,
} from '../../extensions/calcification/annotation-mapping.js';
import type { DraftCalcification } from '../../src/core/draft/exam-draft.js';
import { measureCalcification, segmentAtSeed, type CalcificationMeasurements } from '../../src/core/index.js';
import { renderScene } from '../core/segment/synthetic.js';

// A detector plane at z = 0 with 0.1 mm pixels, origin 5 mm right and 7 mm down in world space.
const pixelToWorld: PixelToWorld = (_id, p) => [5 + 0.1 * p.x, 7 + 0.1 * p.y, 0];
const worldToPixel: WorldToPixel = (_id, w) => ({ x: (w[0] - 5) / 0.1, y: (w[1] - 7) / 0.1 });

function measuredDisc(uncalibrated: boolean): { m: CalcificationMeasurements; contour: { x: number; y: number }[] } {
  const image = renderScene({
    rows: 96,
    columns: 96,
    rowSpacingMm: 0.1,
    columnSpacingMm: 0.1,
    uncalibrated,
    shapes: [{ kind: 'disc', cx: 4.8, cy: 4.8, r: 0.5, contrast: 600 }],
    noise: 4,
    seed: 3,
  });
  const o = segmentAtSeed(image, { x: 48, y: 48 });
  if (!o.ok) throw new Error(o.error.message);
  return { m: measureCalcification(image, o.value), contour: [...o.value.contour] };
}

describe('annotation ↔ core calcification', () => {
  it('maps an outline to world coordinates and back to the same pixels', () => {
    const { m, contour } = measuredDisc(false);
    const calc: DraftCalcification = { id: 'c1-1', imageId: 'wadouri:RCC', seed: { x: 48, y: 48 }, contour, edited: false, measurements: m };
    const a = calcificationToAnnotation(calc, pixelToWorld);
    expect(a.metadata).toEqual({ toolName: 'Calcification', referencedImageId: 'wadouri:RCC' });
    expect(a.data.contour?.closed).toBe(true);
    expect(a.data.contour?.polyline[0]).toEqual(pixelToWorld('', contour[0] as { x: number; y: number }));
    expect(a.data.calcificationId).toBe('c1-1');
    const back = annotationToContour(a, worldToPixel);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.imageId).toBe('wadouri:RCC');
    back.value.contour.forEach((p, i) => {
      expect(p.x).toBeCloseTo((contour[i] as { x: number }).x, 9);
      expect(p.y).toBeCloseTo((contour[i] as { y: number }).y, 9);
    });
  });

  it('reads the handles when an annotation has no contour, and refuses one without image or points', () => {
    const handles = { metadata: { toolName: 'Calcification', referencedImageId: 'img' }, data: { handles: { points: [[5.5, 7.5, 0]] as const } } };
    expect(annotationToContour(handles, worldToPixel)).toEqual({ ok: true, value: { imageId: 'img', contour: [{ x: 5, y: 5 }] } });
    expect(annotationToContour({ metadata: { toolName: 'Calcification' }, data: { handles: { points: [[0, 0, 0]] } } }, worldToPixel)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no image/) } });
    expect(annotationToContour({ metadata: { toolName: 'Calcification', referencedImageId: 'img' }, data: {} }, worldToPixel)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no outline/) } });
    const off = (): { x: number; y: number } => ({ x: Number.NaN, y: 0 });
    expect(annotationToContour(handles, off).ok).toBe(false);
  });

  it('puts the measurements under the image target with the calibration kind in the unit', () => {
    const { m, contour } = measuredDisc(false);
    const a = calcificationToAnnotation({ id: 'c', imageId: 'img', seed: { x: 48, y: 48 }, contour, edited: false, measurements: m }, pixelToWorld);
    const stats = a.data.cachedStats?.[targetIdOf('img')];
    expect(targetIdOf('img')).toBe('imageId:img');
    expect(stats?.unit).toBe('mm (detector)');
    expect(stats?.longAxis).toBe(m.longAxis.mm);
    // A 1 mm disc.
    expect(stats?.longAxis ?? 0).toBeGreaterThan(0.85);
    expect(stats?.longAxis ?? 0).toBeLessThan(1.15);
    expect(stats?.label).toBe(`${(m.longAxis.mm as number).toFixed(2)} × ${(m.shortAxis.mm as number).toFixed(2)} ${stats?.unit}`);
  });

  it('labels sizes in pixels on an uncalibrated image and names each calibration kind', () => {
    const { m } = measuredDisc(true);
    const s = measurementStats(m);
    expect(s.calibration).toBe('uncalibrated');
    expect(s.unit).toBe('px (uncalibrated)');
    expect(s.longAxis).toBe(m.longAxis.px);
    expect(s.areaUnit).toBe('px² (uncalibrated)');
    const calibrated = measuredDisc(false).m;
    expect(measurementStats({ ...calibrated, calibration: 'detector' }).unit).toBe('mm (detector)');
    expect(measurementStats({ ...calibrated, calibration: 'magnification-corrected' }).unit).toBe('mm (magnification-corrected)');
    expect(measurementStats({ ...calibrated, calibration: 'magnification-corrected' }).areaUnit).toBe('mm² (magnification-corrected)');
    expect(measurementStats({ ...calibrated, calibration: 'fiducial' }).unit).toBe('mm (fiducial-calibrated)');
    const film = measurementStats({ ...calibrated, calibration: 'film-scanner' });
    expect(film.unit).toBe('mm (scanner pitch: film not magnification-corrected)');
    expect(film.label.endsWith(' mm (scanner pitch: film not magnification-corrected)')).toBe(true);
  });
});

describe('calcification tool annotation ↔ draft (both hosts)', () => {
  it('takes a measured annotation into the draft under the draft\'s image id, and nothing before it is measured or off the exam', () => {
    const { m, contour } = measuredDisc(false);
    const outline = { contour, area: 1 } as never;
    const measured = { metadata: { referencedImageId: 'cs:RCC' }, data: { status: 'measured' as const, seed: { x: 48, y: 48 }, calcification: { outline, measurements: m, calibrationKind: m.calibration } as never, message: null } };
    const toDraft = (id: string): string | null => (id === 'cs:RCC' ? 'uid-RCC' : null);
    expect(measuredAnnotationToDraft(measured, toDraft)).toEqual({ imageId: 'uid-RCC', item: { seed: { x: 48, y: 48 }, contour, measurements: m } });
    expect(measuredAnnotationToDraft({ ...measured, data: { ...measured.data, status: 'measuring' as const, calcification: null } }, toDraft)).toBeNull();
    expect(measuredAnnotationToDraft({ ...measured, metadata: { referencedImageId: 'cs:other' } }, toDraft)).toBeNull();
    expect(measuredAnnotationToDraft({ data: measured.data }, toDraft)).toBeNull();
  });

  it('shows a draft calcification as measured tool data: its outline, its size label and its id, nothing to re-analyse', () => {
    const { m, contour } = measuredDisc(true);
    const calc: DraftCalcification = { id: 'c2-1', imageId: 'uid-RCC', seed: { x: 48, y: 48 }, contour, edited: false, measurements: m };
    const polyline = contour.map((p) => pixelToWorld('', p));
    const data = draftCalcificationToolData(calc, polyline);
    expect(data.status).toBe('measured');
    expect(data.calcification).toBeNull();
    expect(data.calcificationId).toBe('c2-1');
    expect(data.seed).toEqual({ x: 48, y: 48 });
    expect(data.contour).toEqual({ polyline: polyline.map((w) => [...w]), closed: true });
    expect(data.label).toBe(measurementStats(m).label);
    expect(data.label).toMatch(/px/);
  });
});
