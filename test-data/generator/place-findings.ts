/**
 * Where the deposits of one finding go, in the breast's 3-D frame, for each distribution term
 * (docs: birads-calcifications.md §2): grouped (all within about 1 cm), linear (a line along a
 * duct toward the nipple), segmental (a wedge whose apex points at the nipple), regional
 * (scattered in a volume more than 2 cm across) and diffuse (anywhere in the breast).
 */
import type { DistributionTerm } from '../../src/core/lexicon.js';
import type { BreastModel, BreastPoint } from './breast-model.js';
import { insideBreast, viewGeometry } from './breast-model.js';
import type { Random } from './random.js';

export interface Placement {
  readonly centre: BreastPoint;
  readonly anchors: readonly BreastPoint[];
}

function randomInside(model: BreastModel, random: Random, margin: number, depthRange: readonly [number, number]): BreastPoint {
  for (let tries = 0; tries < 2000; tries++) {
    const p = {
      depthMm: model.depthMm * random.uniform(depthRange[0], depthRange[1]),
      lateralMm: random.uniform(-60, 60),
      superiorMm: random.uniform(-60, 60),
    };
    if (insideBreast(model, p, margin)) return p;
  }
  return { depthMm: model.depthMm * 0.5, lateralMm: 0, superiorMm: 0 };
}

function inBall(random: Random, r: number): { x: number; y: number; z: number } {
  for (;;) {
    const x = random.uniform(-1, 1);
    const y = random.uniform(-1, 1);
    const z = random.uniform(-1, 1);
    if (x * x + y * y + z * z <= 1) return { x: x * r, y: y * r, z: z * r };
  }
}

const add = (p: BreastPoint, d: number, l: number, s: number): BreastPoint => ({
  depthMm: p.depthMm + d, lateralMm: p.lateralMm + l, superiorMm: p.superiorMm + s,
});

/** A point on the CC skin line's inner side (1.5–3 mm deep), for skin calcifications. */
function nearSkin(model: BreastModel, random: Random): BreastPoint {
  const g = viewGeometry(model, 'CC');
  for (let tries = 0; tries < 4000; tries++) {
    const p = { depthMm: model.depthMm * random.uniform(0.15, 0.7), lateralMm: random.uniform(-60, 60), superiorMm: random.uniform(-15, 15) };
    const px = g.toPixel(p);
    const r = g.radial(px.x, px.y);
    if (r.q < 1 && r.skinMm > 1.5 && r.skinMm < 3 && insideBreast(model, p, 0.8)) return p;
  }
  return randomInside(model, random, 3, [0.2, 0.6]);
}

/**
 * Places `count` anchors with the given distribution (grouped: a ball of radius 3–4.5 mm, or
 * 6–8 mm for large deposits, so all lie within 2 cm; `groupRadiusMm` sets it). `centre` fixes the finding's centre
 * (e.g. the same lumpectomy site on current and prior exams); otherwise it is drawn.
 */
export function placeFinding(
  model: BreastModel,
  distribution: DistributionTerm,
  count: number,
  random: Random,
  opts: { centre?: BreastPoint; atSkin?: boolean; largeDeposits?: boolean; groupRadiusMm?: number } = {},
): Placement {
  const margin = opts.atSkin ? 0.8 : 3;
  const tryPoint = (make: () => BreastPoint, fallback: BreastPoint): BreastPoint => {
    for (let t = 0; t < 400; t++) {
      const p = make();
      if (insideBreast(model, p, margin)) return p;
    }
    return fallback;
  };
  switch (distribution) {
    case 'grouped': {
      const c = opts.centre ?? (opts.atSkin ? nearSkin(model, random) : randomInside(model, random, 10, [0.2, 0.75]));
      // Large deposits (dystrophic, popcorn, rim, suture) need room: still all within 2 cm.
      const drawn = opts.atSkin ? 3 : opts.largeDeposits ? random.uniform(6, 8) : random.uniform(3, 4.5);
      const r = opts.groupRadiusMm ?? drawn;
      const anchors = Array.from({ length: count }, () => tryPoint(() => { const b = inBall(random, r); return add(c, b.x, b.y, b.z); }, c));
      return { centre: c, anchors };
    }
    case 'linear': {
      const c = opts.centre ?? randomInside(model, random, 15, [0.3, 0.6]);
      const len = random.uniform(12, 22);
      const tl = random.uniform(-0.35, 0.35);
      const ts = random.uniform(-0.35, 0.35);
      const n = Math.hypot(1, tl, ts);
      const anchors = Array.from({ length: count }, (_, i) => {
        const t = (count === 1 ? 0 : i / (count - 1) - 0.5) * len + random.uniform(-0.3, 0.3);
        return tryPoint(() => add(c, t / n + random.uniform(-0.3, 0.3), (t * tl) / n + random.uniform(-0.3, 0.3), (t * ts) / n + random.uniform(-0.3, 0.3)), c);
      });
      return { centre: c, anchors };
    }
    case 'segmental': {
      // A lobe drains through one duct to the nipple: the wedge's axis runs from the nipple
      // (the frame's origin) through the apex, and it widens toward the chest wall.
      // Ducts leave the nipple within about 35° of the nipple axis.
      const apex = opts.centre ?? tryPoint(() => {
        const r = random.uniform(8, 16);
        const polar = random.uniform(0, 0.6);
        const azimuth = random.uniform(0, 2 * Math.PI);
        return { depthMm: r * Math.cos(polar), lateralMm: r * Math.sin(polar) * Math.cos(azimuth), superiorMm: r * Math.sin(polar) * Math.sin(azimuth) };
      }, { depthMm: 12, lateralMm: 0, superiorMm: 0 });
      const r0 = Math.hypot(apex.depthMm, apex.lateralMm, apex.superiorMm);
      const axis = { d: apex.depthMm / r0, l: apex.lateralMm / r0, s: apex.superiorMm / r0 };
      // Two unit vectors across the axis: one in the lateral plane, one completing the frame.
      const h = Math.hypot(axis.d, axis.l);
      const e1 = { d: -axis.l / h, l: axis.d / h, s: 0 };
      const e2 = { d: -axis.s * e1.l, l: axis.s * e1.d, s: axis.d * e1.l - axis.l * e1.d };
      const at = (t: number, u: number, v: number): BreastPoint =>
        add(apex, t * axis.d + u * e1.d + v * e2.d, t * axis.l + u * e1.l + v * e2.l, t * axis.s + u * e1.s + v * e2.s);
      let len = random.uniform(32, 44);
      while (len > 26 && !insideBreast(model, at(len, 0, 0), 4)) len *= 0.95;
      const half = random.uniform(0.3, 0.45);
      const anchors = Array.from({ length: count }, () => tryPoint(() => {
        const t = len * random.uniform(0.08, 1);
        return at(t, t * Math.tan(random.uniform(-half, half)), t * Math.tan(random.uniform(-half, half)));
      }, apex));
      return { centre: at(len / 2, 0, 0), anchors };
    }
    case 'regional': {
      const c = opts.centre ?? randomInside(model, random, 20, [0.3, 0.7]);
      const rd = random.uniform(12, 18);
      const rl = random.uniform(12, 18);
      const rs = random.uniform(12, 18);
      const anchors = Array.from({ length: count }, () => tryPoint(() => { const b = inBall(random, 1); return add(c, b.x * rd, b.y * rl, b.z * rs); }, c));
      return { centre: c, anchors };
    }
    case 'diffuse': {
      const anchors = Array.from({ length: count }, () => randomInside(model, random, 4, [0.05, 0.95]));
      const centre = anchors.reduce((s, p) => add(s, p.depthMm / count, p.lateralMm / count, p.superiorMm / count), { depthMm: 0, lateralMm: 0, superiorMm: 0 });
      return { centre, anchors };
    }
  }
}
