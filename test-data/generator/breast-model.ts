/**
 * The compressed breast seen in each view, and the 3-D frame findings live in.
 *
 * Frame: `depthMm` from the nipple toward the chest wall along the nipple axis, `lateralMm`
 * (+ toward the patient's outer side), `superiorMm` (+ toward the head). The CC view shows
 * depth × lateral, the MLO / ML views depth × superior, so one finding lands consistently in
 * every view of one breast.
 *
 * Image layout (Patient Orientation, PS3.3 C.7.6.1.1.1): chest wall at the image's right edge
 * for the right breast (rows run posterior, "P"), at the left edge for the left breast ("A").
 * CC: lateral at the top (R CC "P\L", L CC "A\R"); MLO / ML: superior at the top ("P\F", "A\F").
 */
import type { PointPx } from '../../src/core/units.js';
import type { Random } from './random.js';

export type Side = 'R' | 'L';
export type PhantomView = 'CC' | 'MLO' | 'ML';

export interface BreastPoint {
  readonly depthMm: number;
  readonly lateralMm: number;
  readonly superiorMm: number;
}

/** Shape parameters of one breast, shared by all its views. */
export interface BreastModel {
  readonly side: Side;
  readonly rows: number;
  readonly columns: number;
  readonly spacingMm: number;
  /** Nipple-to-chest-wall depth. */
  readonly depthMm: number;
  readonly views: Record<PhantomView, ViewShape>;
  readonly wobblePhase: number;
}

interface ViewShape {
  /** Nipple row. */
  readonly nippleRow: number;
  /** Semi-axes above (toward row 0) and below the nipple row, mm. */
  readonly upMm: number;
  readonly downMm: number;
  /** Pectoral muscle triangle: height along the chest wall and width along the top edge, mm (0 = none). */
  readonly pectoralHeightMm: number;
  readonly pectoralWidthMm: number;
}

/** Draws one breast's shape. The same random stream gives the same breast in every view. */
export function makeBreastModel(rows: number, columns: number, spacingMm: number, side: Side, random: Random): BreastModel {
  const wMm = columns * spacingMm;
  const hMm = rows * spacingMm;
  const depthMm = wMm * random.uniform(0.74, 0.82);
  const ccRow = rows * random.uniform(0.47, 0.53);
  const ccUp = hMm * random.uniform(0.38, 0.43);
  const ccDown = hMm * random.uniform(0.38, 0.43);
  const mloRow = rows * random.uniform(0.56, 0.6);
  const mloUp = mloRow * spacingMm * random.uniform(1.05, 1.12);
  const mloDown = (rows - mloRow) * spacingMm * random.uniform(0.82, 0.9);
  return {
    side, rows, columns, spacingMm, depthMm,
    wobblePhase: random.uniform(0, 2 * Math.PI),
    views: {
      CC: { nippleRow: ccRow, upMm: ccUp, downMm: ccDown, pectoralHeightMm: 0, pectoralWidthMm: 0 },
      MLO: { nippleRow: mloRow, upMm: mloUp, downMm: mloDown, pectoralHeightMm: mloRow * spacingMm * 0.8, pectoralWidthMm: depthMm * 0.28 },
      ML: { nippleRow: mloRow, upMm: mloUp, downMm: mloDown, pectoralHeightMm: mloRow * spacingMm * 0.45, pectoralWidthMm: depthMm * 0.15 },
    },
  };
}

export interface ViewGeometry {
  readonly view: PhantomView;
  readonly side: Side;
  readonly nipple: PointPx;
  readonly chestWallEdge: 'left' | 'right';
  readonly patientOrientation: readonly [string, string];
  /** Maps a breast point to image pixels. */
  toPixel(p: BreastPoint): PointPx;
  /**
   * Normalised radius of a pixel in the breast outline: < 1 inside, 1 on the skin line.
   * Also gives an approximate distance to the skin (mm).
   */
  radial(x: number, y: number): { q: number; skinMm: number };
  /** True inside the pectoral muscle triangle. */
  inPectoral(x: number, y: number): boolean;
}

/** The geometry of one view of a breast model. */
export function viewGeometry(model: BreastModel, view: PhantomView): ViewGeometry {
  const s = model.views[view];
  const sp = model.spacingMm;
  const right = model.side === 'R';
  const chestX = right ? model.columns - 0.5 : -0.5;
  const dir = right ? -1 : 1;
  const D = model.depthMm;
  const nipple = { x: chestX + dir * (D / sp), y: s.nippleRow };
  const orientation: readonly [string, string] =
    view === 'CC' ? (right ? ['P', 'L'] : ['A', 'R']) : right ? ['P', 'F'] : ['A', 'F'];
  const across = (p: BreastPoint): number => (view === 'CC' ? p.lateralMm : p.superiorMm);
  const wobble = (t: number): number => 1 + 0.03 * Math.sin(Math.PI * t + model.wobblePhase) * t;
  return {
    view,
    side: model.side,
    nipple,
    chestWallEdge: right ? 'right' : 'left',
    patientOrientation: orientation,
    toPixel: (p) => ({ x: nipple.x - dir * (p.depthMm / sp), y: s.nippleRow - across(p) / sp }),
    radial: (x, y) => {
      const fromChest = (x - chestX) * dir * sp;
      const a = (s.nippleRow - y) * sp;
      if (fromChest < 0) return { q: 2, skinMm: -1 };
      const t = Math.min(1, fromChest / D);
      const semi = (a >= 0 ? s.upMm : s.downMm) * wobble(t);
      const u = fromChest / D;
      const v = a / semi;
      const q = Math.sqrt(u * u + v * v);
      const local = Math.min(D, s.upMm, s.downMm);
      return { q, skinMm: (1 - q) * local };
    },
    inPectoral: (x, y) => {
      if (s.pectoralHeightMm <= 0) return false;
      const fromChest = (x - chestX) * dir * sp;
      const down = (y + 0.5) * sp;
      return fromChest >= 0 && fromChest / s.pectoralWidthMm + down / s.pectoralHeightMm <= 1;
    },
  };
}

/** True when a breast point sits inside the breast in every view, `marginMm` from the skin and clear of the pectoral muscle. */
export function insideBreast(model: BreastModel, p: BreastPoint, marginMm: number): boolean {
  if (p.depthMm < 0 || p.depthMm > model.depthMm) return false;
  for (const view of ['CC', 'MLO'] as const) {
    const g = viewGeometry(model, view);
    const px = g.toPixel(p);
    const pad = marginMm / model.spacingMm;
    if (px.x < pad || px.y < pad || px.x > model.columns - 1 - pad || px.y > model.rows - 1 - pad) return false;
    const r = g.radial(px.x, px.y);
    if (r.q >= 1 || r.skinMm < marginMm) return false;
    if (g.inPectoral(px.x, px.y)) return false;
    const m = marginMm / model.spacingMm;
    if (g.inPectoral(px.x - m, px.y - m) || g.inPectoral(px.x + m, px.y + m)) return false;
  }
  return true;
}
