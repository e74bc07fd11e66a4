/**
 * How the real mammograms are put on screen in a 2 × 2 hanging: for each file in
 * test-data/real-mg/, at viewport sizes of typical screens, the fraction of the image shown and
 * whether its chest wall touches the middle of the hanging. Uses the viewer's own fit
 * (extensions/calcification/viewport/fit-image.ts) and hanging flips; the chest wall is found on the image by
 * the core (findBreast), so a wrong flip or a wrong fit both show.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MammoImage } from '../../src/core/image.js';
import { ingestDicom } from '../../src/core/ingest/index.js';
import { findBreast } from '../../src/core/locate/index.js';
import { hangingFlips } from '../../src/viewer/hanging/hanging.js';
import { chestWallEdgeFor, fitImage, shownFraction, touchesEdge, type ViewportEdge, type ViewportSize } from '../../extensions/calcification/viewport/fit-image.js';

export const REAL_MG_DIR = join(process.cwd(), 'test-data/real-mg');

/** One quarter of a 2 × 2 hanging on common screens (CSS pixels; the panels and bars take some room in practice). */
export const HANGING_QUARTERS: readonly { readonly screen: string; readonly viewport: ViewportSize }[] = [
  { screen: '1920 × 1080 (full HD)', viewport: { width: 960, height: 540 } },
  { screen: '2560 × 1440', viewport: { width: 1280, height: 720 } },
  { screen: '2560 × 2000', viewport: { width: 1280, height: 1000 } },
  { screen: '2048 × 2560 (5 MP mammography display, portrait)', viewport: { width: 1024, height: 1280 } },
];

export interface DisplayFitRow {
  readonly file: string;
  readonly screen: string;
  readonly viewport: ViewportSize;
  /** Fraction (0–1) of the image's area inside the viewport. */
  readonly shownFraction: number;
  /** The chest wall, found on the image, is on the screen edge towards the middle of the hanging and touches the viewport's edge there. */
  readonly chestWallTouchesMiddle: boolean;
  /** Where the core found the chest wall on the stored image, and from what. */
  readonly chestWallOnImage: string;
}

export interface RefusedFile {
  readonly file: string;
  readonly refused: string;
}

/** Screen edge the stored image's chest-wall edge ends up on after the hanging flips (null: top or bottom). */
function chestWallOnScreen(edge: 'left' | 'right' | 'top' | 'bottom', flipHorizontal: boolean): ViewportEdge | null {
  if (edge === 'top' || edge === 'bottom') return null;
  if (!flipHorizontal) return edge;
  return edge === 'left' ? 'right' : 'left';
}

function rowsFor(file: string, image: MammoImage): DisplayFitRow[] | RefusedFile {
  const { meta, calibration } = image;
  const breast = findBreast(image);
  if (!breast.ok) return { file, refused: `no breast found for the chest wall: ${breast.error.message}` };
  const flips = hangingFlips(meta.laterality, meta.view, meta.patientOrientation);
  const middle = chestWallEdgeFor(meta.laterality);
  const onScreen = chestWallOnScreen(breast.value.chestWallEdge, flips.flipHorizontal);
  const geometry = { columns: image.columns, rows: image.rows, columnSpacing: calibration.columnSpacingMm ?? 1, rowSpacing: calibration.rowSpacingMm ?? 1 };
  const rows: DisplayFitRow[] = [];
  for (const { screen, viewport } of HANGING_QUARTERS) {
    const fit = fitImage(geometry, viewport, middle);
    if (!fit.ok) return { file, refused: fit.error.message };
    rows.push({
      file,
      screen,
      viewport,
      shownFraction: shownFraction(fit.value.rect, viewport),
      chestWallTouchesMiddle: middle !== null && onScreen === middle && touchesEdge(fit.value.rect, viewport, middle),
      chestWallOnImage: `${breast.value.chestWallEdge} (${breast.value.source.chestWall})`,
    });
  }
  return rows;
}

/** For each real mammogram: one row per hanging quarter, or why it could not be shown (e.g. refused by ingest). */
export async function displayFitOfRealImages(dir: string = REAL_MG_DIR): Promise<(DisplayFitRow | RefusedFile)[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.dcm')).sort();
  const out: (DisplayFitRow | RefusedFile)[] = [];
  for (const file of files) {
    const r = await ingestDicom(new Uint8Array(await readFile(join(dir, file))));
    if (!r.ok) {
      out.push({ file, refused: r.error.message });
      continue;
    }
    const rows = rowsFor(file, r.value);
    if (Array.isArray(rows)) out.push(...rows);
    else out.push(rows);
  }
  return out;
}

/** The display-fit rows as a Markdown table for docs/accuracy.md. */
export function renderDisplayFit(rows: readonly (DisplayFitRow | RefusedFile)[]): string {
  const lines = rows.map((r) =>
    'refused' in r
      ? `| ${r.file} | — | — | — | not shown: ${r.refused} |`
      : `| ${r.file} | ${r.screen} (${r.viewport.width} × ${r.viewport.height}) | ${(100 * r.shownFraction).toFixed(1)} % | ${r.chestWallTouchesMiddle ? 'yes' : '**no**'} | chest wall found at the ${r.chestWallOnImage} |`,
  );
  return `| image | viewport (a quarter of the screen) | image shown | chest wall on the middle edge | |\n| --- | --- | --- | --- | --- |\n${lines.join('\n')}`;
}
