/**
 * The eval's real-image section: the pipeline on the real mammograms of test-data/real-mg against
 * their reading (reading.json — a reading, not a biopsy result). Landmarks (nipple, pectoral line,
 * skin line) as mm errors against the reading's tolerances; each calcification the reading calls
 * high or probable confidence clicked at its centre, outlined, measured and described, its size and
 * term set beside the reading's. These are few images: the figures are checks, never tuning targets.
 */
import { analyseCalcifications } from '../../src/core/analyze.js';
import { analyzeFinding, findBreast, type MammoImage } from '../../src/core/index.js';
import {
  landmarkErrors,
  loadReading,
  loadRealImage,
  spacingMm,
  type ImageReading,
  type ReadCalcification,
} from '../core/locate/real-mammograms.js';

/** Skin line: median distance of the reading's points from the detected contour, mm (as in the locate tests). */
export const SKIN_MEDIAN_TOLERANCE_MM = 3;

export interface LandmarkRow {
  readonly file: string;
  readonly landmark: 'nipple' | 'pectoral line' | 'skin line (median)';
  readonly errorMm: number | null;
  readonly toleranceMm: number;
}

export interface CalcificationRow {
  readonly file: string;
  readonly reading: ReadCalcification;
  /** Null when the click gave no outline (then `failure` says why). */
  readonly suggested: string | null;
  readonly longAxis: { readonly measured: number; readonly unit: 'mm' | 'px' } | null;
  readonly failure: string | null;
  /** Clicks at and around the reading's centre (NEARBY_CLICKS): how many outline it, and how many give the reading's term. */
  readonly nearby: { readonly clicks: number; readonly outlined: number; readonly sameTerm: number };
}

/**
 * A reader's click lands near a calcification's centre, not on it: besides the click at the reading's
 * centre, 8 clicks around it, 0.2 mm away (at most a quarter of the reading's long axis, at least 2 px):
 * within a vessel's wall or a small calcification, not beside it.
 */
export const NEARBY_CLICKS = { around: 8, radiusMm: 0.2, maxRadiusOfLongAxis: 0.25, minRadiusPx: 2 } as const;

/**
 * A rectangle around one calcification of the reading, as a radiologist draws one around what she
 * wants measured: every outline the region search gives, the one at the calcification and the others
 * (none of them at any calcification of the reading, uncertain ones included).
 */
export interface RegionRow {
  readonly file: string;
  readonly reading: ReadCalcification;
  readonly sideMm: number;
  /** Null when the region search failed (`failure` says why). */
  readonly outlines: number | null;
  readonly atCalcification: boolean;
  readonly others: number;
  /** Densities the search left out as tissue (src/core/region-search.ts). */
  readonly leftOut: number;
  readonly assessment: string | null;
  readonly failure: string | null;
}

/** Sides of the squares drawn around a calcification: a close box, and a generous one drawn at screen zoom. */
export const REGION_SIDES_MM = [10, 25] as const;

export interface RealImageResults {
  readonly landmarks: readonly LandmarkRow[];
  readonly calcifications: readonly CalcificationRow[];
  readonly regions: readonly RegionRow[];
  readonly notRead: readonly string[];
  /** Figures left out of scoring: the reading's 'uncertain' calcifications. */
  readonly uncertainLeftOut: number;
}

function calcificationRow(image: MammoImage, reading: ImageReading, file: string, c: ReadCalcification, geometry: Parameters<typeof analyzeFinding>[2]): CalcificationRow {
  const nearby = nearbyClicks(image, reading, c);
  const r = analyzeFinding(image, { seeds: [c.centre] }, geometry);
  if (!r.ok) return { file, reading: c, suggested: null, longAxis: null, failure: r.error.message, nearby };
  const a = r.value.calcifications[0];
  if (a === undefined) return { file, reading: c, suggested: null, longAxis: null, failure: 'no outline', nearby };
  const longAxis = c.longAxisMm !== undefined && a.longAxisMm !== null ? { measured: a.longAxisMm, unit: 'mm' as const } : { measured: a.longAxisPx, unit: 'px' as const };
  return { file, reading: c, suggested: a.morphology[0] ?? 'none', longAxis, failure: null, nearby };
}

/** The click at the reading's centre and NEARBY_CLICKS.around clicks around it: outlined, and with the reading's term. */
function nearbyClicks(image: MammoImage, reading: ImageReading, c: ReadCalcification): CalcificationRow['nearby'] {
  const mmPerPx = spacingMm(image, reading);
  const sizePx = c.longAxisMm !== undefined ? c.longAxisMm / mmPerPx : (c.longAxisPx ?? 0);
  const radius = Math.max(NEARBY_CLICKS.minRadiusPx, Math.round(Math.min(NEARBY_CLICKS.radiusMm / mmPerPx, NEARBY_CLICKS.maxRadiusOfLongAxis * sizePx)));
  const points = [c.centre];
  for (let k = 0; k < NEARBY_CLICKS.around; k++) {
    const a = (2 * Math.PI * k) / NEARBY_CLICKS.around;
    points.push({ x: Math.round(c.centre.x + radius * Math.cos(a)), y: Math.round(c.centre.y + radius * Math.sin(a)) });
  }
  let outlined = 0;
  let sameTerm = 0;
  for (const p of points) {
    const r = analyseCalcifications(image, { seeds: [p] });
    const a = r.ok ? r.value.calcifications[0] : undefined;
    if (a === undefined) continue;
    outlined++;
    if (a.morphology[0] === c.term) sameTerm++;
  }
  return { clicks: points.length, outlined, sameTerm };
}

function regionRow(image: MammoImage, reading: ImageReading, file: string, c: ReadCalcification, geometry: Parameters<typeof analyzeFinding>[2], sideMm: number): RegionRow {
  const mmPerPx = spacingMm(image, reading);
  const half = Math.round(sideMm / mmPerPx / 2);
  const roi = { x0: c.centre.x - half, y0: c.centre.y - half, x1: c.centre.x + half, y1: c.centre.y + half };
  const base = { file, reading: c, sideMm };
  const r = analyzeFinding(image, { roi }, geometry);
  if (!r.ok) return { ...base, outlines: null, atCalcification: false, others: 0, leftOut: 0, assessment: null, failure: r.error.message };
  // At a calcification of the reading: within half its size and 0.5 mm of its centre.
  const at = (read: ReadCalcification, x: number, y: number): boolean => {
    const sizePx = read.longAxisMm !== undefined ? read.longAxisMm / mmPerPx : (read.longAxisPx ?? 0);
    return Math.hypot(x - read.centre.x, y - read.centre.y) <= sizePx / 2 + 0.5 / mmPerPx;
  };
  const found = r.value.calcifications;
  return {
    ...base,
    outlines: found.length,
    atCalcification: found.some((a) => at(c, a.x, a.y)),
    others: found.filter((a) => !reading.calcifications.some((read) => at(read, a.x, a.y))).length,
    leftOut: leftOutCount(r.value.warnings),
    assessment: r.value.suggestion.assessment,
    failure: null,
  };
}

/** How many densities the region search left out as tissue, from its warning ("3 densities in the region left out as tissue, …"). */
function leftOutCount(warnings: readonly string[]): number {
  const w = warnings.find((x) => / in the region left out as tissue/.test(x));
  return w === undefined ? 0 : Number(/^(\d+) /.exec(w)?.[1] ?? 0);
}

/** Runs the real-image checks. */
export async function evaluateRealImages(): Promise<RealImageResults> {
  const landmarks: LandmarkRow[] = [];
  const calcifications: CalcificationRow[] = [];
  const regions: RegionRow[] = [];
  const notRead: string[] = [];
  let uncertainLeftOut = 0;
  for (const reading of loadReading().images) {
    for (const file of [reading.file, ...(reading.alsoApplies ?? [])]) {
      let image: MammoImage;
      try {
        image = await loadRealImage(file);
      } catch (e) {
        notRead.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      const g = findBreast(image);
      if (!g.ok) {
        notRead.push(`${file}: no breast geometry (${g.error.message})`);
      } else {
        const e = landmarkErrors(g.value, reading, spacingMm(image, reading));
        landmarks.push(
          { file, landmark: 'nipple', errorMm: e.nippleMm, toleranceMm: reading.nipple.toleranceMm },
          { file, landmark: 'pectoral line', errorMm: e.pectoralMm, toleranceMm: reading.pectoralLine.toleranceMm },
          { file, landmark: 'skin line (median)', errorMm: e.skinMedianMm, toleranceMm: SKIN_MEDIAN_TOLERANCE_MM },
        );
      }
      for (const c of reading.calcifications) {
        if (c.confidence === 'uncertain') {
          uncertainLeftOut++;
          continue;
        }
        calcifications.push(calcificationRow(image, reading, file, c, g.ok ? g.value : null));
        for (const side of REGION_SIDES_MM) regions.push(regionRow(image, reading, file, c, g.ok ? g.value : null, side));
      }
    }
  }
  return { landmarks, calcifications, regions, notRead, uncertainLeftOut };
}

const fixed = (n: number, d = 1): string => n.toFixed(d);

function readingSize(c: ReadCalcification): string {
  if (c.longAxisMm !== undefined) return `${fixed(c.longAxisMm)} mm`;
  if (c.longAxisPx !== undefined) return `${c.longAxisPx} px`;
  return '—';
}

function regionTable(rows: readonly RegionRow[]): string {
  return rows
    .map((g) =>
      g.outlines === null
        ? `| ${g.file} | ${g.reading.id} | ${g.sideMm} mm | — (${g.failure}) | — | — | — | — |`
        : `| ${g.file} | ${g.reading.id} | ${g.sideMm} mm | ${g.outlines} | ${g.atCalcification ? 'yes' : 'no'} | ${g.others} | ${g.leftOut} | ${g.assessment === null ? '—' : `BI-RADS ${g.assessment}`} |`,
    )
    .join('\n');
}

function regionSummary(rows: readonly RegionRow[]): string {
  const searched = rows.filter((g) => g.outlines !== null);
  const clean = searched.filter((g) => g.atCalcification && g.others === 0).length;
  const others = searched.reduce((n, g) => n + g.others, 0);
  const leftOut = searched.reduce((n, g) => n + g.leftOut, 0);
  return `${clean} of ${rows.length} rectangles give the calcification and nothing else; ${others} outlines in all lie at no calcification of the reading; ${leftOut} densities were left out as tissue (docs/describe-rules.md, "Tissue or calcium").`;
}

/** The section of docs/accuracy.md. */
export function renderRealImages(r: RealImageResults, displayFit: string, readingFiles: readonly ImageReading[] = loadReading().images): string {
  const landmarkTable = r.landmarks
    .map((l) => {
      const met = l.errorMm !== null && l.errorMm <= l.toleranceMm;
      return `| ${l.file} | ${l.landmark} | ${l.errorMm === null ? 'not found' : `${fixed(l.errorMm)} mm`} | ≤ ${l.toleranceMm} mm | ${met ? 'met' : 'NOT met'} |`;
    })
    .join('\n');
  const calcTable = r.calcifications
    .map((c) => {
      const outlined = c.failure === null ? 'yes' : `no: ${c.failure}`;
      const size = c.longAxis === null ? '—' : `${fixed(c.longAxis.measured, c.longAxis.unit === 'mm' ? 2 : 0)} ${c.longAxis.unit}`;
      const agrees = c.suggested === null ? '—' : c.suggested === c.reading.term ? 'same' : 'differs';
      return `| ${c.file} | ${c.reading.id} (${c.reading.confidence}) | ${c.reading.term}, ${readingSize(c.reading)} | ${outlined} | ${size} | ${c.suggested ?? '—'} | ${agrees} | ${c.nearby.outlined} / ${c.nearby.sameTerm} of ${c.nearby.clicks} |`;
    })
    .join('\n');
  const scored = r.calcifications.filter((c) => c.suggested !== null);
  const same = scored.filter((c) => c.suggested === c.reading.term).length;
  const nearbyClicks = r.calcifications.reduce((n, c) => n + c.nearby.clicks, 0);
  const nearbyOutlined = r.calcifications.reduce((n, c) => n + c.nearby.outlined, 0);
  const nearbySame = r.calcifications.reduce((n, c) => n + c.nearby.sameTerm, 0);
  const spacingNotes = readingFiles
    .filter((i) => i.assumedSpacingMm !== undefined)
    .map((i) => `${[i.file, ...(i.alsoApplies ?? [])].join(' and ')} have no pixel spacing: their mm errors use ${i.assumedSpacingMm} mm per pixel (see reading.json)`);
  return `## Real images (test-data/real-mg)

The three real mammograms of test-data/real-mg (a GE full-field right MLO and a digitised left MLO film in
two compressions, JPEG and JPEG 2000, both scored against the same reading) against the reading in
test-data/real-mg/reading.json. **It is a reading, not a biopsy result**: no histology exists for these
images. They are few, so these figures are checks: no threshold is tuned on them (rules are tuned on
phantoms spread over real systems' ranges). ${spacingNotes.join('; ')}.
${r.notRead.length > 0 ? `\nNot read: ${r.notRead.join('; ')}.\n` : ''}
### Landmarks (error against the reading)

Nipple: distance between positions. Pectoral line: the larger perpendicular distance of the reading's
two edge points from the detected line. Skin line: median distance of the reading's skin points from
the detected contour. Tolerances are the reading's, with their reasons in reading.json.

| image | landmark | error | tolerance | |
| --- | --- | --- | --- | --- |
${landmarkTable}

### Calcifications (outlined from a click at the reading's centre)

${scored.length} of ${r.calcifications.length} clicks outlined; suggested term the same as the reading's for ${same} of
${scored.length}. ${r.uncertainLeftOut} clicks on calcifications the reading marks uncertain are left out.
A reader's click lands near the centre, not on it: the last column clicks the centre and ${NEARBY_CLICKS.around} points
${NEARBY_CLICKS.radiusMm} mm around it (at most a quarter of the reading's long axis, at least ${NEARBY_CLICKS.minRadiusPx} px), and counts the clicks that outline
a calcification and those that give the reading's term: ${nearbyOutlined} and ${nearbySame} of ${nearbyClicks} in all.

| image | calcification | reading: term, long axis | outlined | measured long axis | suggested term | | clicks around it: outlined / reading's term |
| --- | --- | --- | --- | --- | --- | --- | --- |
${calcTable}

### Rectangles (squares of ${REGION_SIDES_MM.join(' and ')} mm drawn around each calcification above)

The region search (the viewer's rectangle, \`--roi\` on the command line) on the same calcifications: how many
outlines it gives, whether one is at the calcification, how many lie at no calcification of the reading
(uncertain ones included), how many densities it left out as tissue, and the finding's suggested assessment.
${regionSummary(r.regions)}

On the film the squares are drawn at the reading's assumed 0.05 mm per pixel. Not a target yet: these rows
show how far the region search is from one outline per calcification on real tissue.

| image | calcification | square | outlines | at the calcification | at no calcification of the reading | left out as tissue | suggested assessment |
| --- | --- | --- | --- | --- | --- | --- | --- |
${regionTable(r.regions)}

### Display fit

Each image fitted by the viewer's own fit (extensions/calcification/viewport/fit-image.ts) into one viewport of a 2 × 2
hanging, flipped as the hanging flips it: the share of the image shown, and whether the chest wall (found on
the image by the core) lies on the viewport's edge towards the middle of the hanging.

${displayFit}
`;
}
