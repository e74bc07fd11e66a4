/**
 * Shapes for every calcification morphology of the BI-RADS lexicon, with the sizes readers use
 * (docs: birads-calcifications.md §1). A "structure" is what one deposit looks like; most are a
 * single particle, but a vessel's tram-track (two walls) and a duct cast (discontinuous pieces)
 * are several particles that segmentation will find separately.
 */
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import type { Random } from './random.js';
import type { Blob, CalcificationShape, Capsule, Hole, Primitive } from './shape-primitives.js';

/** Context a shape may depend on. */
export interface ShapeContext {
  readonly view: 'CC' | 'MLO' | 'ML';
  /** Direction (radians, image x/y, y down) from the structure toward the nipple. */
  readonly towardNipple: number;
}

/** One particle of a structure: offset (mm, image axes) from the structure's anchor. */
export interface StructurePiece {
  readonly dx: number;
  readonly dy: number;
  readonly shape: CalcificationShape;
  /**
   * The piece the term is named for (the branch of a branching cast): the structure is drawn only
   * with it, so that the truth never names a term its drawing does not show.
   */
  readonly defining?: boolean;
}

const sphere = (r: number, profile = 0.5): Primitive => ({
  kind: 'ellipsoid', cx: 0, cy: 0, a: r, b: r, angle: 0, profile,
});

function blob(random: Random, radius: number, ampMax: number, kMax: number, elongationMax: number): Blob {
  const harmonics = [];
  const n = random.int(2, 4);
  for (let i = 0; i < n; i++) {
    harmonics.push({ k: random.int(2, kMax), amp: random.uniform(0.3, 1) * ampMax / n * 1.6, phase: random.uniform(0, 2 * Math.PI) });
  }
  return {
    kind: 'blob', cx: 0, cy: 0, radius, elongation: random.uniform(1, elongationMax),
    angle: random.uniform(0, Math.PI), harmonics,
  };
}

function single(shape: CalcificationShape): StructurePiece[] {
  return [{ dx: 0, dy: 0, shape }];
}

/** A wavy polyline of capsules from (0,0) along `angle`, recentred on its middle. */
function wavyRod(random: Random, length: number, radius: number, angle: number, segments: number, wobble: number): Capsule[] {
  const pts: { x: number; y: number }[] = [{ x: 0, y: 0 }];
  let a = angle;
  const step = length / segments;
  for (let i = 0; i < segments; i++) {
    a += random.uniform(-wobble, wobble);
    const last = pts[pts.length - 1] as { x: number; y: number };
    pts.push({ x: last.x + step * Math.cos(a), y: last.y + step * Math.sin(a) });
  }
  const mid = pts[Math.floor(pts.length / 2)] as { x: number; y: number };
  const caps: Capsule[] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const p = pts[i] as { x: number; y: number };
    const q = pts[i + 1] as { x: number; y: number };
    caps.push({ kind: 'capsule', x0: p.x - mid.x, y0: p.y - mid.y, x1: q.x - mid.x, y1: q.y - mid.y, r: radius });
  }
  return caps;
}

/** Pieces of a discontinuous duct cast along a path starting at (x, y) heading `angle`. */
function castPieces(random: Random, x: number, y: number, angle: number, length: number, calibre: number): StructurePiece[] {
  const pieces: StructurePiece[] = [];
  let travelled = 0;
  let px = x;
  let py = y;
  let a = angle;
  while (travelled < length) {
    const pieceLen = random.uniform(0.6, 2.2);
    const r = (calibre / 2) * random.uniform(0.8, 1.15);
    const caps = wavyRod(random, pieceLen, r, a, 3, 0.15);
    pieces.push({ dx: px + (pieceLen / 2) * Math.cos(a), dy: py + (pieceLen / 2) * Math.sin(a), shape: { primitives: caps, holes: [], density: 1 } });
    const gap = random.uniform(0.35, 0.9);
    px += (pieceLen + gap) * Math.cos(a);
    py += (pieceLen + gap) * Math.sin(a);
    travelled += pieceLen + gap;
    a += random.uniform(-0.15, 0.15);
  }
  return pieces;
}

/** A Y-shaped piece: stem plus two arms, for branching casts. */
function branchPiece(random: Random, angle: number, calibre: number): CalcificationShape {
  const r = calibre / 2;
  const stem = random.uniform(0.8, 1.4);
  const arm = random.uniform(0.7, 1.2);
  const spread = random.uniform(0.35, 0.6);
  const ex = stem * Math.cos(angle);
  const ey = stem * Math.sin(angle);
  const cx = ex / 2;
  const cy = ey / 2;
  const mk = (x0: number, y0: number, x1: number, y1: number): Capsule => ({ kind: 'capsule', x0: x0 - cx, y0: y0 - cy, x1: x1 - cx, y1: y1 - cy, r });
  return {
    primitives: [
      mk(0, 0, ex, ey),
      mk(ex, ey, ex + arm * Math.cos(angle + spread), ey + arm * Math.sin(angle + spread)),
      mk(ex, ey, ex + arm * Math.cos(angle - spread), ey + arm * Math.sin(angle - spread)),
    ],
    holes: [],
    density: 1,
  };
}

/**
 * A dystrophic calcification: an irregular, coarse body with lumps fused to its edge and a lucent
 * centre. ACR BI-RADS Atlas, 5th ed. (2013), benign g. dystrophic: "usually larger than 1 mm …
 * irregular in shape … often have lucent centres"; coarse, irregular or plaque-like (Holbrook,
 * "Dystrophic calcifications", Breast Imaging, Oxford University Press,
 * doi:10.1093/med/9780190270261.003.0033). The sizes readers meet (1–8 mm) are spread by
 * morphology-sizes.ts; the recipe's own deposits, about 1.8–4 mm long, sit inside them. How many
 * lumps, how large and how deep the lucent centre is are this generator's choice (no source gives
 * them): two to four lumps of a third to a half of the body's radius, centred on its edge, make the
 * outline irregular, and a hole over about 40 % of the body's radius keeping 10–20 % of the calcium
 * is a lucent centre a reader sees (through the full thickness the calcium absorbs nearly every
 * photon, so a shallower hole barely shows: with 30 % kept the centre still absorbed 93 %).
 */
function dystrophicDeposit(random: Random): CalcificationShape {
  const body = blob(random, random.uniform(0.65, 1.4), 0.16, 5, 1.4);
  const lumps: Primitive[] = [];
  const nLumps = random.int(2, 4);
  const start = random.uniform(0, 2 * Math.PI);
  for (let i = 0; i < nLumps; i++) {
    const ang = start + (i / nLumps) * 2 * Math.PI + random.uniform(-0.4, 0.4);
    const d = body.radius * random.uniform(0.85, 1.05);
    const lump = blob(random, body.radius * random.uniform(0.32, 0.5), 0.2, 4, 1.4);
    lumps.push({ ...lump, cx: d * Math.cos(ang), cy: d * Math.sin(ang) });
  }
  const hr = random.uniform(0.35, 0.5) * body.radius;
  const hAng = random.uniform(0, 2 * Math.PI);
  const hd = random.uniform(0, 0.2) * body.radius;
  const lucentCentre: Hole = { cx: hd * Math.cos(hAng), cy: hd * Math.sin(hAng), a: hr, b: hr * random.uniform(0.6, 1), angle: random.uniform(0, Math.PI), keep: random.uniform(0.1, 0.2) };
  return { primitives: [body, ...lumps], holes: [lucentCentre], density: 1.5 };
}

/** The particles of one deposit of the given morphology. */
export function makeStructure(term: MorphologyTerm, random: Random, ctx: ShapeContext): StructurePiece[] {
  switch (term) {
    case 'punctate': {
      const r = random.uniform(0.1, 0.22);
      return single({ primitives: [{ kind: 'ellipsoid', cx: 0, cy: 0, a: r, b: r * random.uniform(0.85, 1), angle: random.uniform(0, Math.PI), profile: 0.5 }], holes: [], density: 1 });
    }
    case 'round': {
      const r = random.uniform(0.28, 0.47);
      return single({ primitives: [{ kind: 'ellipsoid', cx: 0, cy: 0, a: r, b: r * random.uniform(0.85, 1), angle: random.uniform(0, Math.PI), profile: 0.5 }], holes: [], density: 1 });
    }
    case 'rim': {
      const outer = random.uniform(0.8, 2);
      const wall = random.uniform(0.15, 0.3);
      return single({ primitives: [{ kind: 'shell', cx: 0, cy: 0, outer, inner: outer - wall }], holes: [], density: 1.2 });
    }
    case 'dystrophic':
      return single(dystrophicDeposit(random));
    case 'coarse': {
      const lobes: Primitive[] = [];
      const n = random.int(4, 7);
      const spread = random.uniform(0.9, 1.5);
      lobes.push({ ...blob(random, random.uniform(0.8, 1.1), 0.12, 3, 1.2) });
      for (let i = 0; i < n; i++) {
        const ang = (i / n) * 2 * Math.PI + random.uniform(-0.3, 0.3);
        const lb = blob(random, random.uniform(0.55, 0.9), 0.12, 3, 1.3);
        lobes.push({ ...lb, cx: spread * Math.cos(ang), cy: spread * Math.sin(ang) });
      }
      return single({ primitives: lobes, holes: [], density: 1.6 });
    }
    case 'large rod-like': {
      const len = random.uniform(3, 9);
      const r = random.uniform(0.3, 0.55);
      const angle = ctx.towardNipple + random.uniform(-0.12, 0.12);
      return single({ primitives: wavyRod(random, len, r, angle, 3, 0.06), holes: [], density: 1.3 });
    }
    case 'vascular': {
      const len = random.uniform(10, 22);
      const lumen = random.uniform(1.2, 2.2);
      const wallR = random.uniform(0.1, 0.17);
      const angle = random.uniform(0, Math.PI);
      const base = wavyRod(random, len, wallR, angle, 6, 0.12);
      const nx = -Math.sin(angle) * (lumen / 2 + wallR);
      const ny = Math.cos(angle) * (lumen / 2 + wallR);
      const shift = (caps: readonly Capsule[], sx: number, sy: number): Capsule[] =>
        caps.map((c) => ({ ...c, x0: c.x0 + sx, y0: c.y0 + sy, x1: c.x1 + sx, y1: c.y1 + sy, r: c.r * random.uniform(0.85, 1.1) }));
      return [
        { dx: nx, dy: ny, shape: { primitives: shift(base, 0, 0), holes: [], density: 0.9 } },
        { dx: -nx, dy: -ny, shape: { primitives: shift(base, 0, 0), holes: [], density: 0.9 } },
      ];
    }
    case 'skin': {
      const radius = random.uniform(0.3, 0.6);
      return single({ primitives: [{ kind: 'polygon-shell', cx: 0, cy: 0, radius, sides: random.int(5, 6), phase: random.uniform(0, Math.PI), innerFraction: random.uniform(0.6, 0.72) }], holes: [], density: 0.9 });
    }
    case 'milk of calcium': {
      const radius = random.uniform(0.5, 1.1);
      if (ctx.view === 'CC') return single({ primitives: [sphere(radius, 1.4)], holes: [], density: 0.55 });
      return single({ primitives: [{ kind: 'meniscus', cx: 0, cy: 0, radius, height: radius * random.uniform(0.3, 0.45) }], holes: [], density: 1.1 });
    }
    case 'suture': {
      const len = random.uniform(4, 8);
      const r = random.uniform(0.18, 0.28);
      const caps = wavyRod(random, len, r, random.uniform(0, Math.PI), 5, 0.25);
      const end = caps[caps.length - 1] as Capsule;
      const knot: Primitive[] = [];
      for (let i = 0; i < 3; i++) {
        knot.push({ kind: 'ellipsoid', cx: end.x1 + random.uniform(-0.3, 0.3), cy: end.y1 + random.uniform(-0.3, 0.3), a: random.uniform(0.35, 0.55), b: random.uniform(0.2, 0.35), angle: random.uniform(0, Math.PI), profile: 0.5 });
      }
      return single({ primitives: [...caps, ...knot], holes: [], density: 1.2 });
    }
    case 'amorphous': {
      const r = random.uniform(0.08, 0.17);
      return single({ primitives: [{ kind: 'ellipsoid', cx: 0, cy: 0, a: r, b: r * random.uniform(0.7, 1), angle: random.uniform(0, Math.PI), profile: 1.2 }], holes: [], density: 0.45 });
    }
    case 'coarse heterogeneous': {
      // ACR BI-RADS Atlas, 5th ed. (2013): "irregular, conspicuous calcifications that are
      // generally between 0.5 mm and 1 mm and tend to coalesce, but are smaller than dystrophic":
      // two or three irregular particles fused together, the whole within 0.5–1 mm.
      const parts: Primitive[] = [];
      const n = random.int(2, 3);
      for (let i = 0; i < n; i++) {
        const b = blob(random, random.uniform(0.16, 0.26), 0.3, 5, 1.4);
        parts.push({ ...b, cx: i === 0 ? 0 : random.uniform(-0.22, 0.22), cy: i === 0 ? 0 : random.uniform(-0.22, 0.22) });
      }
      return single({ primitives: parts, holes: [], density: 1.1 });
    }
    case 'fine pleomorphic': {
      const kind = random.int(0, 2);
      if (kind === 0) return single({ primitives: [blob(random, random.uniform(0.07, 0.14), 0.3, 4, 1.5)], holes: [], density: 1.2 });
      if (kind === 1) {
        return single({ primitives: wavyRod(random, random.uniform(0.2, 0.32), random.uniform(0.05, 0.08), random.uniform(0, Math.PI), 2, 0.5), holes: [], density: 1.2 });
      }
      return single({ primitives: [{ ...blob(random, random.uniform(0.09, 0.15), 0.1, 3, 1.2), harmonics: [{ k: 3, amp: 0.25, phase: random.uniform(0, 6.28) }] }], holes: [], density: 1.2 });
    }
    case 'fine linear': {
      const calibre = random.uniform(0.15, 0.4);
      return castPieces(random, 0, 0, ctx.towardNipple + Math.PI + random.uniform(-0.2, 0.2), random.uniform(4, 8), calibre);
    }
    case 'fine-linear branching': {
      const calibre = random.uniform(0.15, 0.4);
      const away = ctx.towardNipple + Math.PI + random.uniform(-0.2, 0.2);
      const pieces = castPieces(random, 0, 0, away, random.uniform(3, 5), calibre);
      const last = pieces[pieces.length - 1] as StructurePiece;
      const bx = last.dx + 2.4 * Math.cos(away);
      const by = last.dy + 2.4 * Math.sin(away);
      // ACR BI-RADS Atlas, 5th ed. (2013), fine linear or fine-linear branching: "thin, linear,
      // irregular calcifications … occasionally branching"; a cast named branching must show its branch.
      pieces.push({ dx: bx, dy: by, shape: branchPiece(random, away, calibre), defining: true });
      for (const sgn of [1, -1]) {
        const a = away + sgn * random.uniform(0.45, 0.7);
        pieces.push(...castPieces(random, bx + 2.8 * Math.cos(a), by + 2.8 * Math.sin(a), a, random.uniform(2, 4), calibre));
      }
      return pieces;
    }
  }
}
