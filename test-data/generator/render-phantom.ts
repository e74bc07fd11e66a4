/**
 * Draws one phantom image on the 0–1 display scale and states its truth: breast, findings
 * rendered with partial volume and detector blur, then detector noise.
 */
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import type { PointPx } from '../../src/core/units.js';
import type { BreastModel, BreastPoint, ViewGeometry } from './breast-model.js';
import { insideBreast, makeBreastModel, viewGeometry } from './breast-model.js';
import { clockHour, depthThird, isSubareolar, quadrant } from './locate-finding.js';
import { makeStructure } from './morphology-shapes.js';
import { feretDiameters } from './outline-geometry.js';
import type { PhantomOptions } from './phantom-options.js';
import { resolveSize } from './phantom-options.js';
import { placeFinding } from './place-findings.js';
import type { Random } from './random.js';
import { hashString, makeRandom } from './random.js';
import { renderBreast } from './render-breast.js';
import { renderParticle } from './render-calcification.js';
import type { AcquisitionTruth } from './render-acquisition.js';
import { addAcquisitionNoise, blurSigmaPx, drawBeamObjects, drawOverlays, toneShoulder, unsharpMask } from './render-acquisition.js';
import { NOISE_REFERENCE_LEVEL } from './acquisition-ranges.js';
import { sizeStructure } from './morphology-sizes.js';
import type { CalcificationTruth, GroupTruth } from './truth.js';

/** Standard deviation of detector noise on the 0–1 display scale. */
export const DETECTOR_NOISE_SD = 0.006;
export const CONTACT_MAGNIFICATION = 1.08;
export const MAGNIFICATION_VIEW_FACTOR = 1.8;
/** Morphologies whose deposits are millimetres across: a grouped finding of them is spread wider. */
const LARGE_DEPOSITS: ReadonlySet<MorphologyTerm> = new Set<MorphologyTerm>(['dystrophic', 'coarse', 'rim', 'suture']);

export interface RenderedPhantom {
  readonly rows: number;
  readonly columns: number;
  /** Display-scale image, 0–1, higher = denser. */
  readonly display: Float32Array;
  readonly objectSpacingMm: number;
  readonly imagerPixelSpacingMm: number;
  readonly magnificationFactor: number;
  readonly bitsStored: number;
  readonly nipple: PointPx;
  readonly chestWallEdge: 'left' | 'right';
  readonly patientOrientation: readonly [string, string];
  readonly groups: GroupTruth[];
  readonly calcifications: CalcificationTruth[];
  /** What the acquisition drew; absent without `PhantomOptions.acquisition`. */
  readonly acquisition?: AcquisitionTruth;
}

const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

export function renderPhantom(o: PhantomOptions): RenderedPhantom {
  const size = resolveSize(o);
  const ermf = o.magnification ? MAGNIFICATION_VIEW_FACTOR : CONTACT_MAGNIFICATION;
  const sp = size.imagerPixelSpacingMm / ermf;
  const anatomy = makeRandom(o.anatomySeed ?? o.seed);
  const model = makeBreastModel(size.rows, size.columns, sp, o.side, anatomy.fork(`breast-${o.side}`));
  const g = viewGeometry(model, o.view);
  const display = renderBreast(model, g, anatomy.fork(`texture-${o.side}-${o.view}`));
  const acq = o.acquisition;
  const particleBlurPx = acq === undefined ? undefined : blurSigmaPx(acq, size.imagerPixelSpacingMm);
  const groups: GroupTruth[] = [];
  const calcifications: CalcificationTruth[] = [];
  const occupied = new Uint8Array(size.rows * size.columns);
  const centres = new Map<string, BreastPoint>();
  o.findings.forEach((f, gi) => {
    const groupId = f.id ?? `g${gi + 1}`;
    const fr = makeRandom(f.seed ?? hashString(`${o.seed}-${groupId}-${f.morphology}`));
    const partner = f.placeWith !== undefined ? centres.get(f.placeWith) : undefined;
    const centre = f.centre ?? (partner ? besideFinding(model, partner, fr.fork('beside')) : undefined);
    const placement = placeFinding(model, f.distribution, Math.max(f.count * 4, 12), fr.fork('place'), {
      ...(centre ? { centre } : {}),
      atSkin: f.morphology === 'skin',
      largeDeposits: LARGE_DEPOSITS.has(f.morphology),
      ...(f.groupRadiusMm !== undefined ? { groupRadiusMm: f.groupRadiusMm } : {}),
    });
    centres.set(groupId, placement.centre);
    const members: CalcificationTruth[] = [];
    // Candidates are drawn four times over (at least 12); deposits that would touch one already drawn are
    // skipped and the next candidate (in a seeded shuffled order) takes their place.
    const order = shuffledIndices(placement.anchors.length, fr.fork('order'));
    let accepted = 0;
    for (const si of order) {
      if (accepted >= f.count) break;
      const anchor = placement.anchors[si] as BreastPoint;
      const at = g.toPixel(anchor);
      const towardNipple = Math.atan2(g.nipple.y - at.y, g.nipple.x - at.x);
      const shaped = makeStructure(f.morphology, fr.fork(`structure-${si}`), { view: o.view, towardNipple });
      const pieces = sizeStructure(f.morphology, shaped, f.sizeRange ?? 'typical', fr.fork(`size-${si}`));
      const mx = pieces.reduce((s, p) => s + p.dx, 0) / pieces.length;
      const my = pieces.reduce((s, p) => s + p.dy, 0) / pieces.length;
      const drawn: CalcificationTruth[] = [];
      const centreOf = (piece: (typeof pieces)[number]): PointPx => ({ x: at.x + (piece.dx - mx) / sp, y: at.y + (piece.dy - my) / sp });
      // A structure whose defining piece (the branch of a branching cast) would be skipped is not
      // drawn at all: the next candidate takes its place. Tried on a copy of the occupied pixels.
      if (pieces.some((piece) => piece.defining === true)) {
        const trial = occupied.slice();
        const fits = pieces.every((piece) => {
          const centre = centreOf(piece);
          if (!insideTissue(g, centre, size.rows, size.columns, 1 / sp)) return piece.defining !== true;
          const p = renderParticle(piece.shape, centre, sp, particleBlurPx);
          return claimFootprint(trial, size.columns, size.rows, p.x0, p.y0, p.width, p.height, p.density) || piece.defining !== true;
        });
        if (!fits) continue;
      }
      pieces.forEach((piece, pi) => {
        const centre = centreOf(piece);
        if (!insideTissue(g, centre, size.rows, size.columns, 1 / sp)) return;
        const p = renderParticle(piece.shape, centre, sp, particleBlurPx);
        if (!claimFootprint(occupied, size.columns, size.rows, p.x0, p.y0, p.width, p.height, p.density)) return;
        composite(display, size.columns, size.rows, p.x0, p.y0, p.width, p.height, p.density);
        const structureId = `${groupId}-s${String(si + 1).padStart(2, '0')}`;
        drawn.push({
          id: pieces.length === 1 ? structureId : `${structureId}-p${String(pi + 1).padStart(2, '0')}`,
          groupId,
          structureId,
          morphology: f.morphology as MorphologyTerm,
          outline: p.outline,
          centre: p.centre,
          longAxisMm: r4(p.longAxisPx * sp),
          shortAxisMm: r4(p.shortAxisPx * sp),
          areaMm2: r4(p.areaPx2 * sp * sp),
          longAxisPx: r4(p.longAxisPx),
          shortAxisPx: r4(p.shortAxisPx),
          areaPx2: r4(p.areaPx2),
          peakContrast: r4(p.peakContrast),
          lucentCentre: p.lucentCentre,
        });
      });
      if (drawn.length > 0) accepted++;
      members.push(...drawn);
    }
    if (members.length === 0) return;
    const cx = members.reduce((s, m) => s + m.centre.x, 0) / Math.max(members.length, 1);
    const cy = members.reduce((s, m) => s + m.centre.y, 0) / Math.max(members.length, 1);
    const extentPx = feretDiameters(members.flatMap((m) => m.outline)).max;
    const c = placement.centre;
    groups.push({
      id: groupId,
      morphology: f.morphology,
      distribution: f.distribution,
      count: members.length,
      location: {
        side: o.side === 'R' ? 'right' : 'left',
        clockHour: clockHour(o.side, c),
        quadrant: quadrant(c),
        subareolar: isSubareolar(c),
        depth: depthThird(c, model.depthMm),
        distanceFromNippleCm: r4((Math.hypot(cx - g.nipple.x, cy - g.nipple.y) * sp) / 10),
      },
      centre: { x: r4(cx), y: r4(cy) },
      extentMm: r4(extentPx * sp),
      note: f.note ?? null,
    });
    calcifications.push(...members);
  });
  const noise = makeRandom(hashString(`noise-${o.seed}-${o.side}-${o.view}-${o.study?.studyInstanceUid ?? ''}`));
  let acquisitionTruth: AcquisitionTruth | undefined;
  if (acq === undefined) {
    for (let i = 0; i < display.length; i++) {
      display[i] = Math.min(1, Math.max(0, (display[i] as number) + DETECTOR_NOISE_SD * noise.normal()));
    }
  } else {
    const frame = { rows: size.rows, columns: size.columns, spacingMm: sp, imagerPixelSpacingMm: size.imagerPixelSpacingMm, geometry: g };
    const beam = drawBeamObjects(display, frame, acq);
    addAcquisitionNoise(display, size.rows, size.columns, acq, particleBlurPx ?? 0, noise);
    if (acq.unsharp !== null) unsharpMask(display, size.rows, size.columns, acq.unsharp.sigmaMm / sp, acq.unsharp.amount);
    toneShoulder(display);
    for (let i = 0; i < display.length; i++) display[i] = Math.min(1, Math.max(0, display[i] as number));
    const overlays = drawOverlays(display, frame, acq);
    acquisitionTruth = {
      detector: acq.detector,
      blurSigmaMm: acq.blurSigmaMm,
      quantumNoiseSd: acq.quantumNoiseSd,
      electronicNoiseSd: acq.electronicNoiseSd,
      filmGrainSd: acq.filmGrainSd,
      noiseReferenceLevel: NOISE_REFERENCE_LEVEL,
      unsharp: acq.unsharp,
      voiFunction: acq.voiFunction,
      burnedIn: [...beam.markers, ...overlays.text],
      filmEdge: overlays.filmEdge,
      paddleEdge: beam.paddleEdge,
    };
  }
  return {
    rows: size.rows,
    columns: size.columns,
    display,
    objectSpacingMm: sp,
    imagerPixelSpacingMm: size.imagerPixelSpacingMm,
    magnificationFactor: ermf,
    bitsStored: size.bitsStored,
    nipple: { x: r4(g.nipple.x), y: r4(g.nipple.y) },
    chestWallEdge: g.chestWallEdge,
    patientOrientation: g.patientOrientation,
    groups,
    calcifications,
    ...(acquisitionTruth !== undefined ? { acquisition: acquisitionTruth } : {}),
  };
}

/** A point 8–11 mm from a finding's centre, inside the breast: the same site, clear of its deposits. */
function besideFinding(model: BreastModel, c: BreastPoint, random: Random): BreastPoint {
  // Offset mostly along the nipple axis: depth shows on every view, so the two stay apart on CC and MLO.
  for (let tries = 0; tries < 50; tries++) {
    const p = {
      depthMm: c.depthMm + (random.next() < 0.5 ? -1 : 1) * random.uniform(8, 11),
      lateralMm: c.lateralMm + random.uniform(-3, 3),
      superiorMm: c.superiorMm + random.uniform(-3, 3),
    };
    if (insideBreast(model, p, 3)) return p;
  }
  return c;
}

/** 0 … n−1 in a seeded random order (Fisher–Yates). */
function shuffledIndices(n: number, random: Random): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(0, i);
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
  return a;
}

/** A particle centre is kept only on breast tissue, clear of the pectoral muscle and `marginPx` inside the image. */
function insideTissue(g: ViewGeometry, c: PointPx, rows: number, columns: number, marginPx: number): boolean {
  if (c.x < marginPx || c.y < marginPx || c.x > columns - 1 - marginPx || c.y > rows - 1 - marginPx) return false;
  return g.radial(c.x, c.y).q < 0.98 && !g.inPectoral(c.x, c.y);
}

/** Visible footprint of a particle: where its added density exceeds this. */
const FOOTPRINT_LEVEL = 0.01;

/**
 * Marks a particle's footprint (grown by 2 px) as occupied, unless it touches one already drawn:
 * then nothing is marked and false is returned, so every particle in the truth stays separate.
 */
function claimFootprint(occ: Uint8Array, columns: number, rows: number, x0: number, y0: number, w: number, h: number, d: Float32Array): boolean {
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if ((d[y * w + x] as number) < FOOTPRINT_LEVEL) continue;
      const ix = x0 + x;
      const iy = y0 + y;
      if (ix >= 0 && iy >= 0 && ix < columns && iy < rows && occ[iy * columns + ix]) return false;
    }
  }
  const grow = 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if ((d[y * w + x] as number) < FOOTPRINT_LEVEL) continue;
      for (let yy = -grow; yy <= grow; yy++) {
        for (let xx = -grow; xx <= grow; xx++) {
          const ix = x0 + x + xx;
          const iy = y0 + y + yy;
          if (ix >= 0 && iy >= 0 && ix < columns && iy < rows) occ[iy * columns + ix] = 1;
        }
      }
    }
  }
  return true;
}

/** Adds a particle's density: v ← v + (1 − v)·d, so calcium over dense tissue still shows but never exceeds 1. */
function composite(img: Float32Array, columns: number, rows: number, x0: number, y0: number, w: number, h: number, d: Float32Array): void {
  for (let y = 0; y < h; y++) {
    const iy = y0 + y;
    if (iy < 0 || iy >= rows) continue;
    for (let x = 0; x < w; x++) {
      const ix = x0 + x;
      if (ix < 0 || ix >= columns) continue;
      const v = img[iy * columns + ix] as number;
      img[iy * columns + ix] = v + (1 - v) * (d[y * w + x] as number);
    }
  }
}
