/**
 * Artefacts painted into a rendered mammogram, as they appear on real films and screen captures:
 * bright film edges along the image borders, burned-in view letters, a metal marker over the
 * breast and a black redaction box. Sizes are fractions of the image so they scale with it; each
 * matches what test-data/real-mg's digitised film shows (film edges about 2 % of its height,
 * letter strokes about 1 %, a marker disc of 42 px on 4664 rows, a box of 5 % × 20 %).
 */
import type { ChestWallEdge } from '../../../src/core/locate/breast-geometry.js';

export interface Canvas {
  readonly rows: number;
  readonly columns: number;
  readonly stored: Uint16Array;
  /** Largest stored value (a saturated, unexposed film / burned-in overlay). */
  readonly max: number;
}

export type Artefact = 'film edges' | 'letters' | 'marker' | 'redaction box';

export const ARTEFACTS: readonly Artefact[] = ['film edges', 'letters', 'marker', 'redaction box'];

function fillRect(c: Canvas, x0: number, y0: number, x1: number, y1: number, value: number): void {
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(c.rows, Math.round(y1)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(c.columns, Math.round(x1)); x++) c.stored[y * c.columns + x] = value;
  }
}

/** The image side opposite the chest wall, as an x range test (left / right chest walls only). */
function farSideX(c: Canvas, chestWall: ChestWallEdge, fromEdge: number, width: number): [number, number] {
  return chestWall === 'left' ? [c.columns - fromEdge - width, c.columns - fromEdge] : [fromEdge, fromEdge + width];
}

/**
 * Paints one artefact. `breastPoint` is a point well inside the breast (for the marker);
 * the chest wall must be the left or right edge (MLO / CC of the usual layout).
 */
export function paintArtefact(c: Canvas, artefact: Artefact, chestWall: ChestWallEdge, breastPoint: { x: number; y: number }): void {
  const { rows, columns } = c;
  switch (artefact) {
    case 'film edges': {
      // Unexposed film along the top, the bottom and the side away from the chest wall.
      const t = Math.round(0.02 * rows);
      const level = Math.round(0.9 * c.max);
      fillRect(c, 0, 0, columns, t, level);
      fillRect(c, 0, rows - t, columns, rows, level);
      const [x0, x1] = farSideX(c, chestWall, 0, t);
      fillRect(c, x0, 0, x1, rows, level);
      return;
    }
    case 'letters': {
      // An "L" and an "M" in strokes of 1 % of the height, near the top corner away from the chest wall.
      const s = Math.max(2, Math.round(0.01 * rows));
      const h = 10 * s;
      const y0 = Math.round(0.04 * rows);
      const [lx0] = farSideX(c, chestWall, Math.round(0.04 * columns), 16 * s);
      fillRect(c, lx0, y0, lx0 + s, y0 + h, c.max);
      fillRect(c, lx0, y0 + h - s, lx0 + 5 * s, y0 + h, c.max);
      const mx = lx0 + 8 * s;
      fillRect(c, mx, y0, mx + s, y0 + h, c.max);
      fillRect(c, mx + 3 * s, y0, mx + 4 * s, y0 + h, c.max);
      fillRect(c, mx + 6 * s, y0, mx + 7 * s, y0 + h, c.max);
      fillRect(c, mx, y0, mx + 7 * s, y0 + s, c.max);
      return;
    }
    case 'marker': {
      const r = Math.max(2, Math.round(0.0045 * rows));
      for (let y = breastPoint.y - r; y <= breastPoint.y + r; y++) {
        for (let x = breastPoint.x - r; x <= breastPoint.x + r; x++) {
          if ((x - breastPoint.x) ** 2 + (y - breastPoint.y) ** 2 <= r * r && x >= 0 && y >= 0 && x < columns && y < rows) {
            c.stored[Math.round(y) * columns + Math.round(x)] = c.max;
          }
        }
      }
      return;
    }
    case 'redaction box': {
      const [x0, x1] = farSideX(c, chestWall, 0, Math.round(0.05 * columns));
      fillRect(c, x0, 0.35 * rows, x1, 0.55 * rows, 0);
      return;
    }
  }
}
