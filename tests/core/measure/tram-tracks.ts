/**
 * Drawn calcified vessels for the vascular tests: two parallel walls ("tram tracks") a vessel's
 * calibre apart, with a gap in the calcification, on textured, noisy backgrounds at a full-field
 * detector's pitch (calibrated) and a film digitiser's (uncalibrated); and duct casts (fine linear,
 * branching) that must not read as vessels. Millimetres from the scene's origin.
 */
import type { MammoImage } from '../../../src/core/image.js';
import type { PointPx } from '../../../src/core/units.js';
import { renderScene, type Shape } from '../segment/synthetic.js';

export interface Drawn {
  readonly image: MammoImage;
  /** A click on the first wall, 3 mm from the track's middle. */
  readonly click: PointPx;
}

const FIELD_MM = 24;
const CENTRE_MM = 12;

interface TrackSpec {
  readonly pixelMm: number;
  readonly uncalibrated?: boolean;
  /** Wall-centre to wall-centre, mm. */
  readonly separationMm: number;
  readonly lengthMm: number;
  readonly wallMm: number;
  readonly angleDeg: number;
  readonly noise: number;
  readonly contrast?: number;
  readonly seed: number;
  /** Draw only the first wall (a single line). */
  readonly oneWall?: boolean;
  /** Draw the walls as beads this long with gaps of gapMm (an interrupted calcification), instead of one break. */
  readonly beadMm?: number;
  readonly gapMm?: number;
  /** More shapes in the same scene (a deposit on a wall, a calcification beside the vessel). */
  readonly extra?: readonly Shape[];
}

type Segment = { x0: number; y0: number; x1: number; y1: number };

/** A point `alongMm` from the track's middle on its second wall (the one not clicked), mm from the scene's origin. */
export function onSecondWall(s: Pick<TrackSpec, 'angleDeg' | 'separationMm'>, alongMm: number): { x: number; y: number } {
  const a = (s.angleDeg * Math.PI) / 180;
  return { x: CENTRE_MM + alongMm * Math.cos(a) - 0.5 * s.separationMm * Math.sin(a), y: CENTRE_MM + alongMm * Math.sin(a) + 0.5 * s.separationMm * Math.cos(a) };
}

/** A tram track: two walls, each broken once (calcification along a vessel is often interrupted). */
export function tramTrack(s: TrackSpec): Drawn {
  const a = (s.angleDeg * Math.PI) / 180;
  const ux = Math.cos(a);
  const uy = Math.sin(a);
  const nx = -uy;
  const ny = ux;
  const shapes: Shape[] = [];
  for (const side of s.oneWall === true ? [-0.5] : [-0.5, 0.5]) {
    const off = side * s.separationMm;
    const segments: Segment[] = pieces(s).map(([t0, t1]) => ({
      x0: CENTRE_MM + (t0 as number) * ux + off * nx,
      y0: CENTRE_MM + (t0 as number) * uy + off * ny,
      x1: CENTRE_MM + (t1 as number) * ux + off * nx,
      y1: CENTRE_MM + (t1 as number) * uy + off * ny,
    }));
    shapes.push({ kind: 'lines', segments, width: s.wallMm, contrast: s.contrast ?? 120 });
  }
  const image = scene(s, [...shapes, ...(s.extra ?? [])]);
  const cx = CENTRE_MM + 3 * ux - 0.5 * s.separationMm * nx;
  const cy = CENTRE_MM + 3 * uy - 0.5 * s.separationMm * ny;
  return { image, click: { x: cx / s.pixelMm, y: cy / s.pixelMm } };
}

/** Stretches along the track ([from, to], mm from its middle): beads and gaps, or one break near the middle. */
function pieces(s: TrackSpec): [number, number][] {
  if (s.beadMm === undefined) {
    return [
      [-s.lengthMm / 2, -0.6],
      [-0.2, s.lengthMm / 2],
    ];
  }
  const out: [number, number][] = [];
  // A bead is centred on the click (3 mm from the middle), so the click lands on calcium.
  const period = s.beadMm + (s.gapMm ?? 0.5);
  const first = 3 - s.beadMm / 2 - Math.ceil((3 + s.lengthMm / 2) / period) * period;
  for (let t = first; t < s.lengthMm / 2; t += period) {
    const a = Math.max(-s.lengthMm / 2, t);
    const b = Math.min(s.lengthMm / 2, t + s.beadMm);
    if (b > a) out.push([a, b]);
  }
  return out;
}

/** A fine-linear branching cast: a stem and two daughter branches diverging 15° either side. */
export function branchingCast(s: Omit<TrackSpec, 'separationMm' | 'oneWall'>): Drawn {
  const a = (s.angleDeg * Math.PI) / 180;
  const at = (t: number, da = 0): { x: number; y: number } => ({ x: CENTRE_MM + t * Math.cos(a + da), y: CENTRE_MM + t * Math.sin(a + da) });
  const fork = at(0);
  const stem = at(-s.lengthMm / 2);
  const segments: Segment[] = [{ x0: stem.x, y0: stem.y, x1: fork.x, y1: fork.y }];
  for (const da of [-0.26, 0.26]) {
    const end = { x: fork.x + (s.lengthMm / 2) * Math.cos(a + da), y: fork.y + (s.lengthMm / 2) * Math.sin(a + da) };
    segments.push({ x0: fork.x, y0: fork.y, x1: end.x, y1: end.y });
  }
  const image = scene(s, [{ kind: 'lines', segments, width: s.wallMm, contrast: s.contrast ?? 120 }]);
  const click = at(-s.lengthMm / 4);
  return { image, click: { x: click.x / s.pixelMm, y: click.y / s.pixelMm } };
}

function scene(s: Pick<TrackSpec, 'pixelMm' | 'uncalibrated' | 'noise' | 'seed'>, shapes: Shape[], fieldMm = FIELD_MM): MammoImage {
  const n = Math.round(fieldMm / s.pixelMm);
  return renderScene({
    rows: n,
    columns: n,
    rowSpacingMm: s.pixelMm,
    columnSpacingMm: s.pixelMm,
    uncalibrated: s.uncalibrated ?? false,
    shapes,
    noise: s.noise,
    texture: 2 * s.noise,
    textureScalePx: 8,
    blurPx: 1,
    seed: s.seed,
  });
}

interface ArterySpec {
  readonly pixelMm: number;
  readonly uncalibrated?: boolean;
  /** Wall-centre to wall-centre, mm. */
  readonly separationMm: number;
  readonly wallMm: number;
  readonly lengthMm: number;
  /** Contrast of each calcified wall above the vessel (0: a vessel without calcified walls). */
  readonly wallContrast: number;
  /** Contrast of the whole vessel (soft tissue and thin plaque in its lumen) above the tissue. */
  readonly vesselContrast: number;
  readonly noise: number;
  readonly seed: number;
}

const ARTERY_FIELD_MM = 50;

/**
 * A calcified artery longer than the 15 mm search patch, seen whole: the vessel's band with its two
 * calcified walls on it, the lumen between them denser than half the walls' peak (so one region at
 * half maximum holds both walls and the lumen). At 25° on a 50 mm field; the click is on a wall,
 * 3 mm from the middle.
 */
export function calcifiedArtery(s: ArterySpec): Drawn {
  const a = (25 * Math.PI) / 180;
  const [ux, uy, nx, ny] = [Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a)];
  const c = ARTERY_FIELD_MM / 2;
  const half = s.lengthMm / 2;
  const along = (off: number): Segment => ({
    x0: c - half * ux + off * nx,
    y0: c - half * uy + off * ny,
    x1: c + half * ux + off * nx,
    y1: c + half * uy + off * ny,
  });
  const shapes: Shape[] = [{ kind: 'lines', segments: [along(0)], width: s.separationMm + s.wallMm, contrast: s.vesselContrast }];
  if (s.wallContrast > 0) {
    for (const side of [-0.5, 0.5]) shapes.push({ kind: 'lines', segments: [along(side * s.separationMm)], width: s.wallMm, contrast: s.wallContrast });
  }
  const image = scene(s, shapes, ARTERY_FIELD_MM);
  const at = { x: c + 3 * ux - 0.5 * s.separationMm * nx, y: c + 3 * uy - 0.5 * s.separationMm * ny };
  return { image, click: { x: at.x / s.pixelMm, y: at.y / s.pixelMm } };
}
