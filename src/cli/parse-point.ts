import type { PointPx, RectPx } from '../core/units.js';
import { UsageError } from './io.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function numbers(text: string, count: number, what: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== count || parts.some((p) => !NUMBER.test(p))) {
    throw new UsageError(`${what} must be ${count} comma-separated numbers, got "${text}"`);
  }
  return parts.map(Number);
}

/** Parses "X,Y" (X = column, Y = row, stored-image pixels). */
export function parsePoint(text: string, option: string): PointPx {
  const [x, y] = numbers(text, 2, `${option} X,Y`) as [number, number];
  return { x, y };
}

/** Parses "X0,Y0,X1,Y1". */
export function parseRect(text: string, option: string): RectPx {
  const [x0, y0, x1, y1] = numbers(text, 4, `${option} X0,Y0,X1,Y1`) as [number, number, number, number];
  if (x0 === x1 || y0 === y1) throw new UsageError(`${option} ${text} is empty (zero width or height)`);
  return { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
}
