/**
 * Each lexicon term over its whole size range. The shape recipes (morphology-shapes.ts) draw
 * the sizes seen most often; with `sizeRange: 'whole'` a finding's deposits are rescaled so that
 * their long axis spreads over the whole range readers meet for that term. Terms whose recipe
 * already spans their range, or whose size is part of their definition (fine pleomorphic < 0.5 mm,
 * coarse heterogeneous 0.5–1 mm, fine linear calibre < 0.5 mm, amorphous), are not rescaled.
 */
import type { MorphologyTerm } from '../../src/core/lexicon.js';
import type { StructurePiece } from './morphology-shapes.js';
import type { Random } from './random.js';
import type { CalcificationShape, Hole, Primitive } from './shape-primitives.js';
import { primitiveThickness, shapeBounds } from './shape-primitives.js';

export type SizeRangeChoice = 'typical' | 'whole';

export interface WholeSizeRange {
  /** Long axis of one deposit, mm. */
  readonly minMm: number;
  readonly maxMm: number;
  readonly source: string;
}

/** Long-axis ranges (mm) over which a term is used; rescaled terms only. */
export const WHOLE_SIZE_RANGES: Partial<Record<MorphologyTerm, WholeSizeRange>> = {
  punctate: { minMm: 0.1, maxMm: 0.5, source: 'BI-RADS 5th ed. (ACR 2013) calcifications: round < 0.5 mm is called punctate; 0.1 mm is about the smallest calcification seen on FFDM' },
  round: { minMm: 0.5, maxMm: 3, source: 'BI-RADS 5th ed.: round, ≥ 0.5 mm, usually < 1 mm but may be larger (several mm)' },
  rim: { minMm: 1, maxMm: 8, source: 'BI-RADS 5th ed.: rim (oil cyst, fat necrosis) wall < 1 mm; cysts from about 1 mm to about a centimetre (upper end this project\'s choice within the image)' },
  dystrophic: { minMm: 1, maxMm: 8, source: 'BI-RADS 5th ed.: dystrophic usually > 1 mm, coarse and irregular, up to several mm' },
  coarse: { minMm: 2.5, maxMm: 10, source: 'BI-RADS 5th ed.: coarse ("popcorn-like") > 2–3 mm; involuting fibroadenomas up to about 10 mm' },
};

/**
 * Scales a shape about its centre by `k` (outline, radii, holes). A shell keeps its wall
 * thickness (a larger oil cyst has a thin wall too: BI-RADS rim wall < 1 mm). Enlarged solids
 * keep the projected calcium of the recipe's deposit (density ÷ k): a several-millimetre
 * dystrophic or popcorn calcification is a plaque, not a solid ball of calcium, and drawing it as
 * one would saturate every pixel and hide its lucent centres. Shrunk deposits keep their density.
 */
export function scaleShape(shape: CalcificationShape, k: number): CalcificationShape {
  const p = (q: Primitive): Primitive => {
    switch (q.kind) {
      case 'ellipsoid':
        return { ...q, cx: q.cx * k, cy: q.cy * k, a: q.a * k, b: q.b * k };
      case 'capsule':
        return { ...q, x0: q.x0 * k, y0: q.y0 * k, x1: q.x1 * k, y1: q.y1 * k, r: q.r * k };
      case 'shell':
        return { ...q, cx: q.cx * k, cy: q.cy * k, outer: q.outer * k, inner: q.outer * k - (q.outer - q.inner) };
      case 'blob':
        return { ...q, cx: q.cx * k, cy: q.cy * k, radius: q.radius * k };
      case 'polygon-shell':
        return { ...q, cx: q.cx * k, cy: q.cy * k, radius: q.radius * k };
      case 'meniscus':
        return { ...q, cx: q.cx * k, cy: q.cy * k, radius: q.radius * k, height: q.height * k };
    }
  };
  const h = (q: Hole): Hole => ({ ...q, cx: q.cx * k, cy: q.cy * k, a: q.a * k, b: q.b * k });
  const shell = shape.primitives.some((q) => q.kind === 'shell');
  return { primitives: shape.primitives.map(p), holes: shape.holes.map(h), density: shell || k <= 1 ? shape.density : shape.density / k };
}

/** The larger side of the shape's bounding box: a close upper estimate of its long axis. */
export function nominalLongAxisMm(shape: CalcificationShape): number {
  const b = shapeBounds(shape);
  return Math.max(b.x1 - b.x0, b.y1 - b.y0);
}

/**
 * The long axis (largest Feret diameter) of the shape as drawn, mm: every point where it holds
 * calcium, sampled on a grid of 160 steps across its bounding box, projected on 180 directions.
 * The bounding box (nominalLongAxisMm) over-estimates it for irregular and lobulated outlines,
 * whose harmonics rarely all peak in one direction: rescaling by the box left a third of the
 * dystrophic deposits of the whole 1–8 mm range under 1 mm as drawn.
 */
export function drawnLongAxisMm(shape: CalcificationShape): number {
  const b = shapeBounds(shape);
  const step = Math.max(b.x1 - b.x0, b.y1 - b.y0) / 160;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = b.y0 + step / 2; y < b.y1; y += step) {
    for (let x = b.x0 + step / 2; x < b.x1; x += step) {
      if (shape.primitives.some((p) => primitiveThickness(p, x, y) > 0)) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return nominalLongAxisMm(shape);
  let longest = 0;
  for (let k = 0; k < 180; k++) {
    const c = Math.cos((k * Math.PI) / 180);
    const sn = Math.sin((k * Math.PI) / 180);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < xs.length; i++) {
      const v = (xs[i] as number) * c + (ys[i] as number) * sn;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    longest = Math.max(longest, hi - lo);
  }
  // A sample stands for a cell of one step: the outline reaches half a step beyond it each side.
  return longest + step;
}

/**
 * A structure rescaled to a long axis drawn log-uniformly over the term's whole range (so small
 * and large ends are equally represented), or unchanged for 'typical' and for terms not rescaled.
 * The long axis is the drawn deposit's (drawnLongAxisMm).
 */
export function sizeStructure(term: MorphologyTerm, pieces: StructurePiece[], choice: SizeRangeChoice, random: Random): StructurePiece[] {
  const range = WHOLE_SIZE_RANGES[term];
  if (choice === 'typical' || range === undefined || pieces.length !== 1) return pieces;
  const piece = pieces[0] as StructurePiece;
  const target = Math.exp(random.uniform(Math.log(range.minMm), Math.log(range.maxMm)));
  const k = target / drawnLongAxisMm(piece.shape);
  return [{ dx: piece.dx * k, dy: piece.dy * k, shape: scaleShape(piece.shape, k) }];
}
