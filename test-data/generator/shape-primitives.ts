/**
 * The building blocks of a calcification's shape, in millimetres around the calcification's
 * centre (x right, y down on the image). Each primitive gives a calcium thickness (mm) at a
 * point; a shape's thickness is the largest of its primitives', reduced inside lucent holes.
 */

export interface Ellipsoid {
  readonly kind: 'ellipsoid';
  readonly cx: number;
  readonly cy: number;
  /** Semi-axes in mm, along the rotated x and y. */
  readonly a: number;
  readonly b: number;
  readonly angle: number;
  /** Profile exponent: 0.5 = a solid sphere's chord; larger = softer, hazier edge. */
  readonly profile: number;
}

/** A rod of radius r between two points (a round-ended cylinder seen from the side). */
export interface Capsule {
  readonly kind: 'capsule';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly r: number;
}

/** A spherical shell: thin calcified wall around a lucent centre. */
export interface Shell {
  readonly kind: 'shell';
  readonly cx: number;
  readonly cy: number;
  readonly outer: number;
  readonly inner: number;
}

/** A lobulated or irregular body: radius varies with angle by a few harmonics. */
export interface Blob {
  readonly kind: 'blob';
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly elongation: number;
  readonly angle: number;
  readonly harmonics: readonly { readonly k: number; readonly amp: number; readonly phase: number }[];
}

/** A polygonal shell (skin calcification): n-sided outline, lucent polygonal centre. */
export interface PolygonShell {
  readonly kind: 'polygon-shell';
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  readonly sides: number;
  readonly phase: number;
  /** Inner (lucent) radius as a fraction of the outer. */
  readonly innerFraction: number;
}

/** Sediment in the bottom of a round cyst: flat top (the level), curved bottom. */
export interface Meniscus {
  readonly kind: 'meniscus';
  readonly cx: number;
  readonly cy: number;
  readonly radius: number;
  /** Height of the sediment layer from the cyst's lowest point, mm. */
  readonly height: number;
}

export type Primitive = Ellipsoid | Capsule | Shell | Blob | PolygonShell | Meniscus;

/** A lucent region: thickness is multiplied by `keep` inside the ellipse (soft edge). */
export interface Hole {
  readonly cx: number;
  readonly cy: number;
  readonly a: number;
  readonly b: number;
  readonly angle: number;
  readonly keep: number;
}

export interface CalcificationShape {
  readonly primitives: readonly Primitive[];
  readonly holes: readonly Hole[];
  /** Relative radiographic density (1 = ordinary calcium). */
  readonly density: number;
}

export interface BoundsMm {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A box holding everything the primitive can draw. */
export function primitiveBounds(p: Primitive): BoundsMm {
  switch (p.kind) {
    case 'ellipsoid': {
      const r = Math.max(p.a, p.b);
      return { x0: p.cx - r, y0: p.cy - r, x1: p.cx + r, y1: p.cy + r };
    }
    case 'capsule':
      return {
        x0: Math.min(p.x0, p.x1) - p.r,
        y0: Math.min(p.y0, p.y1) - p.r,
        x1: Math.max(p.x0, p.x1) + p.r,
        y1: Math.max(p.y0, p.y1) + p.r,
      };
    case 'shell':
      return { x0: p.cx - p.outer, y0: p.cy - p.outer, x1: p.cx + p.outer, y1: p.cy + p.outer };
    case 'blob': {
      const ampSum = p.harmonics.reduce((s, h) => s + Math.abs(h.amp), 0);
      const r = p.radius * Math.max(p.elongation, 1) * (1 + ampSum);
      return { x0: p.cx - r, y0: p.cy - r, x1: p.cx + r, y1: p.cy + r };
    }
    case 'polygon-shell':
    case 'meniscus':
      return { x0: p.cx - p.radius, y0: p.cy - p.radius, x1: p.cx + p.radius, y1: p.cy + p.radius };
  }
}

function chord(normalisedR2: number, halfDepth: number): number {
  return normalisedR2 >= 1 ? 0 : 2 * halfDepth * Math.sqrt(1 - normalisedR2);
}

/** Calcium thickness (mm) of one primitive at (x, y) mm. */
export function primitiveThickness(p: Primitive, x: number, y: number): number {
  switch (p.kind) {
    case 'ellipsoid': {
      const dx = x - p.cx;
      const dy = y - p.cy;
      const c = Math.cos(p.angle);
      const s = Math.sin(p.angle);
      const u = (dx * c + dy * s) / p.a;
      const v = (-dx * s + dy * c) / p.b;
      const r2 = u * u + v * v;
      if (r2 >= 1) return 0;
      return 2 * Math.min(p.a, p.b) * Math.pow(1 - r2, p.profile);
    }
    case 'capsule': {
      const vx = p.x1 - p.x0;
      const vy = p.y1 - p.y0;
      const len2 = vx * vx + vy * vy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - p.x0) * vx + (y - p.y0) * vy) / len2));
      const dx = x - (p.x0 + t * vx);
      const dy = y - (p.y0 + t * vy);
      return chord((dx * dx + dy * dy) / (p.r * p.r), p.r);
    }
    case 'shell': {
      const d2 = (x - p.cx) ** 2 + (y - p.cy) ** 2;
      return chord(d2 / (p.outer * p.outer), p.outer) - chord(d2 / (p.inner * p.inner), p.inner);
    }
    case 'blob': {
      const dx = x - p.cx;
      const dy = y - p.cy;
      const c = Math.cos(p.angle);
      const s = Math.sin(p.angle);
      const u = (dx * c + dy * s) / p.elongation;
      const v = -dx * s + dy * c;
      const theta = Math.atan2(v, u);
      let rt = 1;
      for (const h of p.harmonics) rt += h.amp * Math.cos(h.k * theta + h.phase);
      const rr = p.radius * rt;
      return chord((u * u + v * v) / (rr * rr), p.radius);
    }
    case 'polygon-shell': {
      const dx = x - p.cx;
      const dy = y - p.cy;
      const theta = Math.atan2(dy, dx) - p.phase;
      const sector = (2 * Math.PI) / p.sides;
      const local = ((theta % sector) + sector) % sector - sector / 2;
      const polyR = (p.radius * Math.cos(sector / 2)) / Math.cos(local);
      const d2 = dx * dx + dy * dy;
      const outer = chord(d2 / (polyR * polyR), p.radius);
      const ir = polyR * p.innerFraction;
      return Math.max(0, outer - chord(d2 / (ir * ir), p.radius * p.innerFraction));
    }
    case 'meniscus': {
      const dx = x - p.cx;
      const dy = y - p.cy;
      const d2 = dx * dx + dy * dy;
      const level = p.radius - p.height;
      if (dy < level) return 0;
      const depth = chord(d2 / (p.radius * p.radius), p.radius);
      return depth > 0 ? Math.max(depth, 0.05) : 0;
    }
  }
}

/** Factor (0–1) by which a hole lets the thickness through at (x, y). */
export function holeFactor(h: Hole, x: number, y: number): number {
  const dx = x - h.cx;
  const dy = y - h.cy;
  const c = Math.cos(h.angle);
  const s = Math.sin(h.angle);
  const u = (dx * c + dy * s) / h.a;
  const v = (-dx * s + dy * c) / h.b;
  const r2 = u * u + v * v;
  if (r2 >= 1) return 1;
  const w = 1 - r2;
  return 1 - (1 - h.keep) * Math.min(1, w * 3);
}

export function holeBounds(h: Hole): BoundsMm {
  const r = Math.max(h.a, h.b);
  return { x0: h.cx - r, y0: h.cy - r, x1: h.cx + r, y1: h.cy + r };
}

export function shapeBounds(shape: CalcificationShape): BoundsMm {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of shape.primitives) {
    const b = primitiveBounds(p);
    x0 = Math.min(x0, b.x0);
    y0 = Math.min(y0, b.y0);
    x1 = Math.max(x1, b.x1);
    y1 = Math.max(y1, b.y1);
  }
  return { x0, y0, x1, y1 };
}
