import type { PointPx } from '../units.js';

/**
 * Segments of the outer boundary per marching-squares case, as [from edge, to edge] pairs,
 * walked so that the inside lies on the right (clockwise on screen, y down).
 * Corner bits: top-left 1, top-right 2, bottom-right 4, bottom-left 8. Edges: T R B L.
 * Saddles (5, 10) join the two inside corners, which matches 8-connected regions.
 */
const T = 0;
const R = 1;
const B = 2;
const L = 3;
const CASES: readonly (readonly (readonly [number, number])[])[] = [
  [],
  [[T, L]],
  [[R, T]],
  [[R, L]],
  [[B, R]],
  [
    [T, R],
    [B, L],
  ],
  [[B, T]],
  [[B, L]],
  [[L, B]],
  [[T, B]],
  [
    [L, T],
    [R, B],
  ],
  [[R, B]],
  [[L, R]],
  [[T, R]],
  [[L, T]],
  [],
];

/**
 * Traces the sub-pixel outer boundary of one region at a density level (marching squares with
 * linear interpolation along pixel-centre edges).
 *
 * `values` is a width × height row-major field (pixel centres at integer coordinates);
 * `member` marks the region (1 = inside). Member values are raised to at least `level` and
 * non-member values lowered below it, so the traced curve encloses exactly the region; the
 * region should be 8-connected with its holes filled to give a single loop. Returns the
 * longest loop in patch coordinates, clockwise on screen, last point not repeated; empty when
 * the region is empty.
 *
 * @example traceOuterContour(new Float32Array([0,0,0, 0,1,0, 0,0,0]), 3, 3, 0.5, mask)
 *   // → a diamond around (1, 1) with vertices half a pixel away
 */
export function traceOuterContour(
  values: Float32Array,
  width: number,
  height: number,
  level: number,
  member: Uint8Array,
): PointPx[] {
  const W = width + 2;
  const H = height + 2;
  let span = 0;
  for (let i = 0; i < values.length; i++) {
    const d = Math.abs((values[i] as number) - level);
    if (d > span) span = d;
  }
  const below = level - Math.max(span, 1e-6);
  const eps = Math.max(span, 1) * 1e-7;
  const f = new Float64Array(W * H).fill(below);
  const inside = new Uint8Array(W * H);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = values[i] as number;
      const j = (y + 1) * W + x + 1;
      if (member[i] === 1) {
        f[j] = Math.max(v, level);
        inside[j] = 1;
      } else {
        f[j] = Math.min(v, level - eps);
      }
    }
  }
  const next = new Int32Array(2 * W * H).fill(-1);
  const starts: number[] = [];
  const edgeId = (cx: number, cy: number, edge: number): number => {
    switch (edge) {
      case T:
        return (cy * W + cx) * 2;
      case B:
        return ((cy + 1) * W + cx) * 2;
      case L:
        return (cy * W + cx) * 2 + 1;
      default:
        return (cy * W + cx + 1) * 2 + 1;
    }
  };
  const crossing = (id: number): PointPx => {
    const cell = id >> 1;
    const x = cell % W;
    const y = (cell - x) / W;
    const a = f[cell] as number;
    const horizontal = (id & 1) === 0;
    const b = f[horizontal ? cell + 1 : cell + W] as number;
    const t = b === a ? 0.5 : (level - a) / (b - a);
    return horizontal ? { x: x + t - 1, y: y - 1 } : { x: x - 1, y: y + t - 1 };
  };
  for (let cy = 0; cy < H - 1; cy++) {
    for (let cx = 0; cx < W - 1; cx++) {
      const k = cy * W + cx;
      const c =
        (inside[k] as number) |
        ((inside[k + 1] as number) << 1) |
        ((inside[k + W + 1] as number) << 2) |
        ((inside[k + W] as number) << 3);
      for (const [from, to] of CASES[c] as readonly (readonly [number, number])[]) {
        const id = edgeId(cx, cy, from);
        next[id] = edgeId(cx, cy, to);
        starts.push(id);
      }
    }
  }
  let best: PointPx[] = [];
  let bestArea = -1;
  const visited = new Uint8Array(2 * W * H);
  for (const start of starts) {
    if (visited[start] === 1) continue;
    const loop: PointPx[] = [];
    let id = start;
    while (id >= 0 && visited[id] === 0) {
      visited[id] = 1;
      const p = crossing(id);
      const last = loop[loop.length - 1];
      if (last === undefined || last.x !== p.x || last.y !== p.y) loop.push(p);
      id = next[id] as number;
    }
    const first = loop[0];
    const end = loop[loop.length - 1];
    if (loop.length > 1 && first !== undefined && end !== undefined && first.x === end.x && first.y === end.y) {
      loop.pop();
    }
    const a = Math.abs(signedArea(loop));
    if (a > bestArea) {
      bestArea = a;
      best = loop;
    }
  }
  return best;
}

/** Shoelace signed area; positive for clockwise-on-screen (y down) polygons. */
function signedArea(p: readonly PointPx[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] as PointPx;
    const b = p[(i + 1) % p.length] as PointPx;
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}
