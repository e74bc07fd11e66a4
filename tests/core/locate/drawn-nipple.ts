/**
 * Breasts drawn in millimetres for the nipple-in-profile rules: a half-ellipse front with, at its
 * apex, an optional nipple (a half-ellipse bump of a given diameter and projection), an optional
 * skin fold (a broad low rise, or a narrow crease cut into the front), optional burned-in letters
 * and a marker dot in the background in front of the breast, at any pixel pitch, either
 * chest-wall side, CC or MLO, MONOCHROME1 or 2.
 */
import { makeMammoImage, type Calibration, type MammoImage } from '../../../src/core/image.js';
import { mm, type PointPx } from '../../../src/core/units.js';
import { random } from './synthetic-breast.js';

export interface DrawnBreastSpec {
  readonly side: 'R' | 'L';
  readonly projection: 'CC' | 'MLO';
  /** mm per pixel. */
  readonly pitchMm: number;
  readonly calibrationKind?: 'detector' | 'film-scanner' | 'uncalibrated';
  /** Nipple at the apex: diameter at its base and projection beyond the breast's curve, mm. */
  readonly nipple?: { readonly diameterMm: number; readonly projectionMm: number };
  /** A broad low skin roll over the apex (width and height, mm) or a crease cut into the front beside it. */
  readonly fold?:
    | { readonly kind: 'roll'; readonly widthMm: number; readonly heightMm: number }
    | { readonly kind: 'crease'; readonly offsetMm: number; readonly widthMm: number; readonly depthMm: number };
  /** Burned-in letters and a marker dot in the background in front of the apex. */
  readonly letters?: boolean;
  readonly monochrome1?: boolean;
  readonly seed?: number;
}

export interface DrawnBreast {
  readonly image: MammoImage;
  /** The nipple's tip, or the apex of the front when no nipple is drawn (image pixels). */
  readonly tip: PointPx;
}

/**
 * Field 100 mm from the chest wall × 200 mm along it; breast 70 mm deep, 80 mm half-width — on
 * MLO 80 mm above the apex and 55 mm below it, a front curving more sharply below, as on an MLO.
 */
const FIELD_U_MM = 100;
const FIELD_V_MM = 200;
const DEPTH_MM = 70;
const HALF_WIDTH_MM = 80;
const MLO_LOWER_HALF_WIDTH_MM = 55;
const CENTRE_V_MM = 105;

export function drawBreast(spec: DrawnBreastSpec): DrawnBreast {
  const p = spec.pitchMm;
  const nu = Math.round(FIELD_U_MM / p);
  const nv = Math.round(FIELD_V_MM / p);
  // Chest wall on the right for a right breast, left for a left one (the usual hanging).
  const columns = nu;
  const rows = nv;
  const chestRight = spec.side === 'R';
  const rand = random(spec.seed ?? 7);
  const stored = new Uint16Array(rows * columns);
  const bg = 200;
  const tissue = 1800;
  const muscle = 2800;
  const letter = 4000;
  const n = spec.nipple;
  const f = spec.fold;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      const u = (chestRight ? columns - 0.5 - x : x + 0.5) * p;
      const v = y * p;
      const dv = v - CENTRE_V_MM;
      const halfWidth = spec.projection === 'MLO' && dv > 0 ? MLO_LOWER_HALF_WIDTH_MM : HALF_WIDTH_MM;
      let value = bg;
      let inside = (u / DEPTH_MM) ** 2 + (dv / halfWidth) ** 2 <= 1;
      if (n !== undefined && ((u - DEPTH_MM) / n.projectionMm) ** 2 + (dv / (n.diameterMm / 2)) ** 2 <= 1) inside = true;
      if (f?.kind === 'roll' && ((u - DEPTH_MM) / f.heightMm) ** 2 + (dv / (f.widthMm / 2)) ** 2 <= 1) inside = true;
      if (f?.kind === 'crease' && Math.abs(dv - f.offsetMm) <= f.widthMm / 2 && u > DEPTH_MM * Math.sqrt(Math.max(0, 1 - (dv / halfWidth) ** 2)) - f.depthMm) {
        inside = false;
      }
      if (inside) value = tissue;
      if (spec.projection === 'MLO' && v < 120 && u <= 30 * (1 - v / 120)) value = muscle;
      if (spec.letters === true) {
        // An "L" 6 mm in front of the apex (4 mm strokes, 12 mm tall) and a 2 mm marker dot 4 mm in front, 15 mm off the axis.
        const lu = u - (DEPTH_MM + (n?.projectionMm ?? 0) + 6);
        const inL = (lu >= 0 && lu <= 4 && dv >= -6 && dv <= 6) || (lu >= 0 && lu <= 10 && dv >= 2 && dv <= 6);
        const inDot = (u - (DEPTH_MM + 4)) ** 2 + (dv - 15) ** 2 <= 1;
        if (inL || inDot) value = letter;
      }
      const noise = 40 * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const d = Math.max(0, Math.min(4095, Math.round(value + noise)));
      stored[y * columns + x] = spec.monochrome1 === true ? 4095 - d : d;
    }
  }
  const kind = spec.calibrationKind ?? 'detector';
  const calibration: Calibration =
    kind === 'uncalibrated'
      ? { kind, rowSpacingMm: null, columnSpacingMm: null, source: 'none' }
      : { kind, rowSpacingMm: mm(p), columnSpacingMm: mm(p), source: 'drawn' };
  const orientation: readonly [string, string] = spec.projection === 'CC' ? (chestRight ? ['P', 'L'] : ['A', 'R']) : chestRight ? ['P', 'FL'] : ['A', 'FR'];
  const image = makeMammoImage({
    rows,
    columns,
    stored,
    calibration,
    meta: {
      bitsStored: 12,
      laterality: spec.side,
      view: spec.projection,
      patientOrientation: orientation,
      photometric: spec.monochrome1 === true ? 'MONOCHROME1' : 'MONOCHROME2',
    },
  });
  const tipU = DEPTH_MM + (n?.projectionMm ?? 0);
  return { image, tip: { x: chestRight ? columns - 0.5 - tipU / p : tipU / p - 0.5, y: CENTRE_V_MM / p } };
}
