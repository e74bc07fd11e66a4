/**
 * Patient Orientation (0020,0020): which way the patient's anatomy runs along the image rows
 * (first value: direction of increasing column index, x) and columns (second value: increasing
 * row index, y). Letters: A anterior, P posterior, L left, R right, H head, F foot. Compound
 * values such as "FL" (down and toward the patient's left, on an oblique view) are allowed.
 */
import type { ChestWallEdge } from './breast-geometry.js';

export type AnatomicalDirection = 'A' | 'P' | 'L' | 'R' | 'H' | 'F';

/** A direction on the stored image (x = columns to the right, y = rows downward), unit length. */
export interface ImageVector {
  readonly x: number;
  readonly y: number;
}

const OPPOSITE: Readonly<Record<AnatomicalDirection, AnatomicalDirection>> = {
  A: 'P',
  P: 'A',
  L: 'R',
  R: 'L',
  H: 'F',
  F: 'H',
};

const LETTERS = new Set<string>(Object.keys(OPPOSITE));

/** Patient Orientation after checking: upper-case letters only, both values non-empty. */
export interface PatientOrientation {
  readonly rowDirection: string;
  readonly columnDirection: string;
}

/**
 * Checks Patient Orientation values. Returns null (and why) when absent, empty or not made of
 * A/P/L/R/H/F letters.
 * @example parsePatientOrientation(['P', 'L']) // { orientation: { rowDirection: 'P', columnDirection: 'L' } }
 */
export function parsePatientOrientation(
  value: readonly [string, string] | null,
): { orientation: PatientOrientation | null; problem: string | null } {
  if (value === null) return { orientation: null, problem: null };
  const [row, column] = value.map((v) => v.trim().toUpperCase()) as [string, string];
  const valid = (s: string): boolean => s.length > 0 && [...s].every((c) => LETTERS.has(c));
  if (!valid(row) || !valid(column)) {
    return {
      orientation: null,
      problem: `Patient Orientation "${row}\\${column}" is not made of A/P/L/R/H/F letters: ignored`,
    };
  }
  return { orientation: { rowDirection: row, columnDirection: column }, problem: null };
}

/**
 * The image direction that points toward an anatomical direction, or null when neither that
 * letter nor its opposite appears in Patient Orientation.
 * @example directionOnImage({ rowDirection: 'P', columnDirection: 'L' }, 'R') // { x: 0, y: -1 }
 */
export function directionOnImage(o: PatientOrientation, d: AnatomicalDirection): ImageVector | null {
  const along = (s: string): number => (s.includes(d) ? 1 : 0) - (s.includes(OPPOSITE[d]) ? 1 : 0);
  const x = along(o.rowDirection);
  const y = along(o.columnDirection);
  const n = Math.hypot(x, y);
  return n === 0 ? null : { x: x / n, y: y / n };
}

/** The image edge that Patient Orientation puts the chest wall (posterior) on, or null. */
export function chestWallEdgeFromOrientation(o: PatientOrientation): ChestWallEdge | null {
  const p = directionOnImage(o, 'P');
  if (p === null || Math.abs(p.x) === Math.abs(p.y)) return null;
  if (Math.abs(p.x) > Math.abs(p.y)) return p.x > 0 ? 'right' : 'left';
  return p.y > 0 ? 'bottom' : 'top';
}

/** "P\\L" as stored, for evidence strings. */
export function formatOrientation(o: PatientOrientation): string {
  return `${o.rowDirection}\\${o.columnDirection}`;
}
