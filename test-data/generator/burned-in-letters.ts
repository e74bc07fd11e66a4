/**
 * Letters burned into a phantom's pixels (lead laterality markers, text overlays), drawn from a
 * 5 × 7 pixel font scaled to the letter height in mm.
 */

/** 5 × 7 glyphs, one string of 5 characters per row ('#' = ink). */
const GLYPHS: Record<string, readonly string[]> = {
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['####.', '....#', '....#', '.###.', '....#', '....#', '####.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
};

export const GLYPH_COLUMNS = 5;
export const GLYPH_ROWS = 7;

/** Box (stored-image pixels, inclusive) of the drawn letters. */
export interface LetterBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Width in pixels of `text` at `cellPx` pixels per font cell (one blank cell between letters). */
export function textWidthPx(text: string, cellPx: number): number {
  return Math.max(0, text.length * (GLYPH_COLUMNS + 1) - 1) * cellPx;
}

/**
 * Draws `text` with its top-left corner at (x0, y0), `cellPx` image pixels per font cell,
 * setting ink pixels to `level` on the 0–1 display image. Returns the box of the ink actually
 * drawn inside the image, or null when nothing landed on it. Unknown characters throw.
 */
export function drawText(img: Float32Array, rows: number, columns: number, text: string, x0: number, y0: number, cellPx: number, level: number): LetterBox | null {
  let bx0 = Infinity;
  let by0 = Infinity;
  let bx1 = -Infinity;
  let by1 = -Infinity;
  [...text].forEach((ch, k) => {
    const glyph = GLYPHS[ch];
    if (glyph === undefined) throw new RangeError(`no glyph for ${JSON.stringify(ch)}`);
    const gx = x0 + k * (GLYPH_COLUMNS + 1) * cellPx;
    for (let r = 0; r < GLYPH_ROWS; r++) {
      for (let c = 0; c < GLYPH_COLUMNS; c++) {
        if ((glyph[r] as string)[c] !== '#') continue;
        for (let yy = 0; yy < cellPx; yy++) {
          for (let xx = 0; xx < cellPx; xx++) {
            const x = gx + c * cellPx + xx;
            const y = y0 + r * cellPx + yy;
            if (x < 0 || y < 0 || x >= columns || y >= rows) continue;
            img[y * columns + x] = level;
            if (x < bx0) bx0 = x;
            if (y < by0) by0 = y;
            if (x > bx1) bx1 = x;
            if (y > by1) by1 = y;
          }
        }
      }
    }
  });
  return Number.isFinite(bx0) ? { x0: bx0, y0: by0, x1: bx1, y1: by1 } : null;
}
