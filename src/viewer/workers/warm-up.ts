/**
 * The analysis worker's code runs cold on its first clicks: interpreted, then compiled as it gets
 * hot. On a full-size exam the first clicks on a long vessel wall took two to three times as long as
 * the same clicks once the code was compiled. While the radiologist looks at the images, the worker
 * analyses a small drawn scene again and again (WARM_UP_ROUNDS) — specks, a faint speck in texture,
 * a deposit wider than the first patch, a long wall with its parallel partner, a point on
 * background — so that the first real click runs compiled code. It stops once the radiologist asks
 * for an analysis. Nothing of it is kept: the core keeps no result between analyses (only working
 * arrays whose contents are not read again), so the results of later clicks cannot depend on it.
 */
import { analyseCalcifications } from '../../core/analyze.js';
import { makeMammoImage, type MammoImage } from '../../core/image.js';
import { mm, type PointPx } from '../../core/units.js';

/**
 * How many times the worker analyses the drawn scene while nobody asks for anything. Two rounds
 * left the first click on a long vessel wall of a full-size exam about three times as slow as the
 * same click later (measure and vessel evidence still interpreted); after sixteen it ran near its
 * compiled speed. Later rounds take a few tens of ms each, and the first request stops them.
 */
export const WARM_UP_ROUNDS = 16;

/** Side of the drawn scene, px, and its pixel spacing (that of a full-field detector), mm. */
const SIDE = 640;
const SPACING_MM = 0.07;

/** The drawn scene and where it is clicked. */
export function warmUpScene(): { image: MammoImage; clicks: PointPx[] } {
  const stored = new Uint16Array(SIDE * SIDE);
  let seed = 20261205;
  const noise = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648 - 0.5;
  };
  const specks: readonly (readonly [number, number, number, number])[] = [
    // x, y, radius px, contrast
    [120, 110, 3, 300],
    [150, 130, 5, 260],
    [100, 160, 2, 220],
    [520, 120, 18, 400],
    [200, 520, 2, 60],
  ];
  // A calcified vessel: two walls 22 px (1.5 mm) apart, 3 px wide, 270 px (19 mm) long.
  const wall = (x: number, y: number, offset: number): number => Math.abs(y - (60 + 0.9 * x) - offset);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      let v = 1000 + 0.3 * x + 60 * Math.sin(x / 40) * Math.cos(y / 55) + 24 * noise();
      for (const [cx, cy, r, c] of specks) if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) v += c;
      if (x >= 200 && x < 400 && (wall(x, y, 0) <= 1.5 || wall(x, y, 30) <= 1.5)) v += 200;
      stored[y * SIDE + x] = Math.max(0, Math.round(v));
    }
  }
  const image = makeMammoImage({
    rows: SIDE,
    columns: SIDE,
    stored,
    calibration: { kind: 'detector', rowSpacingMm: mm(SPACING_MM), columnSpacingMm: mm(SPACING_MM), source: 'drawn scene' },
    meta: { laterality: 'L', view: 'CC' },
  });
  const clicks: PointPx[] = [...specks.map(([x, y]) => ({ x, y })), { x: 330, y: 60 + 0.9 * 330 }, { x: 330, y: 450 }];
  return { image, clicks };
}

/**
 * The drawn scene's clicks analysed `rounds` times, one analysis per step (the worker runs a step
 * at a time and answers the radiologist's requests in between).
 */
export function* warmUpSteps(rounds = WARM_UP_ROUNDS): Generator<void, void, void> {
  const { image, clicks } = warmUpScene();
  for (let r = 0; r < rounds; r++) {
    for (const seed of clicks) {
      analyseCalcifications(image, { seeds: [seed] });
      yield;
    }
  }
}
