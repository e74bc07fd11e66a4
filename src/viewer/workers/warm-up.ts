/**
 * The analysis worker's code runs cold on its first clicks: interpreted, then compiled as it gets
 * hot. On a full-size exam the first clicks on a long vessel wall took two to three times as long as
 * the same clicks once the code was compiled. While the radiologist looks at the images, the worker
 * analyses a small drawn scene again and again (WARM_UP_ROUNDS) — specks, a faint speck in texture,
 * a deposit wider than the first patch, a long wall with its parallel partner, a point on
 * background — so that the first real click runs compiled code. It stops once the radiologist asks
 * for an analysis. Nothing of it is kept: the core keeps no result between analyses (only working
 * arrays whose contents are not read again), so the results of later clicks cannot depend on it.
 *
 * It starts on the images on screen themselves: their brightest small spots (brightSpots), where a
 * radiologist is likely to click, analysed once each. Code compiled on the drawn scene alone ran
 * the first real click on a long vessel wall of a full-size exam at 78–99 ms in the worker, the
 * same click 30–35 ms once compiled on the real image; with the spots first, 43–44 ms (a worker of
 * its own on the viewer's page), and the full-size click-to-finding p95 fell from 91–103 ms to
 * 65–79 ms (docs/performance.md, note ³).
 *
 * The scene is drawn in the form of the images on screen (warmUpSceneLike): the same kind of image
 * object as the file gave, its stored pixel type, memory and density mapping. Code compiled on a
 * scene of another form was thrown away at the first real click and compiled again: the first
 * vessel-wall click on a full-size image still cost four to six times its compiled time (in Node,
 * CPU time: 91–137 ms against 21 ms after a scene of the plain form; 44–57 ms after one of the
 * image's form).
 */
import { analyseCalcifications } from '../../core/analyze.js';
import { makeMammoImage, type MammoImage, type StoredPixels } from '../../core/image.js';
import { mm, type PointPx } from '../../core/units.js';
import { heldImage } from './held-image.js';

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

/** The drawn scene, made once: its pixels are density values (16-bit, MONOCHROME2, no rescale). */
let drawn: { image: MammoImage; clicks: PointPx[] } | null = null;
function drawnScene(): { image: MammoImage; clicks: PointPx[] } {
  drawn ??= warmUpScene();
  return drawn;
}

/** Value range of each stored pixel type. */
function storedRange(stored: StoredPixels): readonly [number, number] {
  if (stored instanceof Uint16Array) return [0, 65535];
  if (stored instanceof Int16Array) return [-32768, 32767];
  if (stored instanceof Int8Array) return [-128, 127];
  return [0, 255];
}

/** An empty array of the same type as `like`, in shared memory when `like` is. */
function storedOfType(like: StoredPixels, length: number): StoredPixels {
  const bytes = length * like.BYTES_PER_ELEMENT;
  const buffer = typeof SharedArrayBuffer === 'function' && like.buffer instanceof SharedArrayBuffer ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  if (like instanceof Uint16Array) return new Uint16Array(buffer);
  if (like instanceof Int16Array) return new Int16Array(buffer);
  if (like instanceof Int8Array) return new Int8Array(buffer);
  return new Uint8Array(buffer);
}

/**
 * The drawn scene in the form of `model` (an image as the worker holds it, held-image.ts): the
 * model's metadata and density mapping with the scene's size, pixels and calibration, the pixels stored as the model stores them (type,
 * shared memory, Bits Stored, sign, rescale, MONOCHROME1) so that they read back as the scene's
 * densities — scaled down when the model's density range is narrower than 4096, every contrast with
 * it. The plain scene when the model's mapping cannot be inverted (a rescale slope of 0).
 */
export function warmUpSceneLike(model: MammoImage): { image: MammoImage; clicks: PointPx[] } {
  const scene = drawnScene();
  const f0 = model.toDensity(0);
  const step = model.toDensity(1) - f0;
  if (!(Math.abs(step) > 0) || !Number.isFinite(step)) return scene;
  const scale = Math.min(1, (model.densityMax - model.densityMin) / 4096);
  const [lo, hi] = storedRange(model.stored);
  const stored = storedOfType(model.stored, scene.image.stored.length);
  for (let i = 0; i < stored.length; i++) {
    const density = model.densityMin + (scene.image.stored[i] as number) * scale;
    stored[i] = Math.min(hi, Math.max(lo, Math.round((density - f0) / step)));
  }
  const image = heldImage(model, stored, scene.image, scene.image.calibration);
  return { image, clicks: scene.clicks };
}

/** How many bright spots of each image held are analysed after the drawn scene's rounds. */
export const SPOTS_PER_IMAGE = 6;

/**
 * The brightest small spots of an image, where a radiologist is likely to click: the image cut into
 * blocks of 96 × 96 px, each block's densest pixel (every fourth row and column read) against the
 * block's mean, the `count` blocks standing out most. Nothing else is read from the image.
 */
export function brightSpots(image: MammoImage, count: number): PointPx[] {
  const B = 96;
  const spots: { p: PointPx; score: number }[] = [];
  for (let y0 = 0; y0 + B <= image.rows; y0 += B) {
    for (let x0 = 0; x0 + B <= image.columns; x0 += B) {
      let best = -Infinity;
      let at: PointPx = { x: x0, y: y0 };
      let sum = 0;
      let n = 0;
      for (let y = y0; y < y0 + B; y += 4) {
        for (let x = x0; x < x0 + B; x += 4) {
          const v = image.toDensity(image.stored[y * image.columns + x] as number);
          sum += v;
          n++;
          if (v > best) {
            best = v;
            at = { x, y };
          }
        }
      }
      spots.push({ p: at, score: best - sum / n });
    }
  }
  return spots.sort((a, b) => b.score - a.score).slice(0, count).map((s) => s.p);
}

/**
 * The bright spots of the images held when it starts analysed, then the drawn scene's clicks
 * analysed `rounds` times, one analysis per step (the worker runs a step at a time and answers the
 * radiologist's requests in between). Each round draws the scene in the
 * form of one of `models()` in turn (the images held when the round starts; the plain scene when
 * there are none).
 */
export function* warmUpSteps(rounds = WARM_UP_ROUNDS, models: () => readonly MammoImage[] = () => []): Generator<void, void, void> {
  const like = new WeakMap<MammoImage, { image: MammoImage; clicks: PointPx[] }>();
  for (const model of models()) {
    for (const seed of brightSpots(model, SPOTS_PER_IMAGE)) {
      analyseCalcifications(model, { seeds: [seed] });
      yield;
    }
  }
  for (let r = 0; r < rounds; r++) {
    const held = models();
    const model = held.length > 0 ? held[r % held.length] : undefined;
    let scene = model === undefined ? drawnScene() : like.get(model);
    if (scene === undefined && model !== undefined) {
      scene = warmUpSceneLike(model);
      like.set(model, scene);
    }
    const { image, clicks } = scene ?? drawnScene();
    for (const seed of clicks) {
      analyseCalcifications(image, { seeds: [seed] });
      yield;
    }
  }
}
