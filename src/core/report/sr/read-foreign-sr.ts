/**
 * A TID 1500 Measurement Report written by another system (Cornerstone3D / OHIF through
 * @cornerstonejs/adapters, or any writer of TID 1501 / 1410 groups) read as far as it carries
 * calcscribe's concepts: its outlines (closed polylines, polygons, ellipses, circles on an image)
 * and its lines (two-point polylines: a Length, a Bidirectional's long and short axes), each with
 * the numbers the SR states beside it. Everything else is left out with a warning saying what and
 * why; nothing in the file makes it throw.
 *
 * Geometry: SCOORD Graphic Data put the top left corner of the top left pixel at (0, 0) (PS3.3
 * C.18.6.1.2); calcscribe's pixel centres are at integers (units.ts), so a point comes in as
 * (column − 0.5, row − 0.5) — the inverse of scoordOf.
 */
import { SR_CODES } from '../../codes.js';
import { err, ok, type Result } from '../../result.js';
import type { PointPx } from '../../units.js';
import type { ContentItem } from './content-items.js';
import { childrenOf, first, named, namedOne, nameOf, readDataset, sameConcept, str, textOf, type Dataset } from './read-sr-dataset.js';

/** SR storage SOP classes whose content a TID 1500 report may be written in (PS3.4 B.5). */
const SR_SOP_CLASSES: Readonly<Record<string, string>> = {
  '1.2.840.10008.5.1.4.1.1.88.11': 'Basic Text SR',
  '1.2.840.10008.5.1.4.1.1.88.22': 'Enhanced SR',
  '1.2.840.10008.5.1.4.1.1.88.33': 'Comprehensive SR',
  '1.2.840.10008.5.1.4.1.1.88.34': 'Comprehensive 3D SR',
};

/** A number the SR states, as written: its concept and UCUM unit. */
export interface StatedValue {
  /** The concept's meaning as written, e.g. "Area", "Length", "Long Axis". */
  readonly concept: string;
  readonly code: { readonly value: string; readonly scheme: string } | null;
  readonly value: number;
  /** UCUM code of the unit, e.g. "mm", "mm2"; "" when the SR gives none. */
  readonly unit: string;
}

/** What a measurement group says of itself. */
interface ForeignGroupIdentity {
  readonly trackingIdentifier: string | null;
  readonly trackingUid: string | null;
  /** The image the geometry is selected from. */
  readonly sopInstanceUid: string;
  /** Referenced Frame Number when the SR gives one. */
  readonly frame: number | null;
}

/** A closed outline on one image, in calcscribe's pixel coordinates, without its closing point. */
export interface ForeignOutline extends ForeignGroupIdentity {
  readonly contour: readonly PointPx[];
  /** How the SR drew it: POLYLINE (closed), POLYGON, ELLIPSE or CIRCLE (the last two as a polygon). */
  readonly graphicType: string;
  /** Every number of its group (area, perimeter, mean …). */
  readonly stated: readonly StatedValue[];
}

/** A straight line on one image (a Length; a Bidirectional's axes), in calcscribe's pixel coordinates. */
export interface ForeignLine extends ForeignGroupIdentity {
  readonly from: PointPx;
  readonly to: PointPx;
  /** The number the line measures (the NUM it is inferred from), when there is one. */
  readonly stated: StatedValue | null;
}

export interface ForeignMeasurements {
  readonly outlines: readonly ForeignOutline[];
  readonly lines: readonly ForeignLine[];
  /** What was left out, and why. */
  readonly warnings: readonly string[];
  /** The study the SR belongs to. */
  readonly studyInstanceUid: string | null;
  /** Who wrote it (Manufacturer), when the SR says. */
  readonly manufacturer: string | null;
}

/** Points of an ellipse or circle given as a polygon. */
const ROUND_POINTS = 64;

/** A value from the file, quoted in a message: one line, at most 64 characters. */
export function describe(v: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = v.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > 64 ? `${clean.slice(0, 64)}…` : clean;
}

const isObj = (v: unknown): v is Dataset => typeof v === 'object' && v !== null && !Array.isArray(v);

function numbersOf(v: unknown): number[] | null {
  const list = Array.isArray(v) || ArrayBuffer.isView(v) ? Array.from(v as ArrayLike<unknown>) : v === undefined || v === null ? [] : [v];
  const out = list.map((x) => Number(x));
  return out.every((x) => Number.isFinite(x)) ? out : null;
}

function statedOf(num: ContentItem): StatedValue | null {
  const mv = first(num['MeasuredValueSequence']);
  if (!isObj(mv)) return null;
  const value = Number(str(mv['NumericValue']));
  if (!Number.isFinite(value)) return null;
  const unit = first(mv['MeasurementUnitsCodeSequence']);
  const name = first(num['ConceptNameCodeSequence']);
  return {
    concept: isObj(name) ? (str(name['CodeMeaning']) ?? '') : '',
    code: nameOf(num),
    value,
    unit: isObj(unit) ? (str(unit['CodeValue']) ?? '') : '',
  };
}

const toPixel = (x: number, y: number): PointPx => ({ x: x - 0.5, y: y - 0.5 }) as PointPx;

/** An ellipse given by its major and minor axis end points (PS3.3 C.18.6.1.2), as a polygon. */
function ellipsePolygon(d: readonly number[]): PointPx[] | null {
  const [x1, y1, x2, y2, x3, y3, x4, y4] = d as [number, number, number, number, number, number, number, number];
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  const a = Math.hypot(x2 - x1, y2 - y1) / 2;
  const b = Math.hypot(x4 - x3, y4 - y3) / 2;
  if (!(a > 0) || !(b > 0)) return null;
  const angle = Math.atan2(y2 - y1, x2 - x1);
  return Array.from({ length: ROUND_POINTS }, (_, i) => {
    const t = (2 * Math.PI * i) / ROUND_POINTS;
    const ex = a * Math.cos(t);
    const ey = b * Math.sin(t);
    return toPixel(cx + ex * Math.cos(angle) - ey * Math.sin(angle), cy + ex * Math.sin(angle) + ey * Math.cos(angle));
  });
}

interface Graphic {
  readonly item: ContentItem;
  /** The NUM it is inferred from (null: the group's own SCOORD). */
  readonly num: ContentItem | null;
}

/** Every SCOORD / SCOORD3D of a group: its own, and those its NUMs are inferred from. */
function graphicsOf(group: ContentItem): Graphic[] {
  const out: Graphic[] = [];
  for (const item of childrenOf(group)) {
    const vt = item['ValueType'];
    if (vt === 'SCOORD' || vt === 'SCOORD3D') out.push({ item, num: null });
    if (vt === 'NUM') for (const c of childrenOf(item)) if (c['ValueType'] === 'SCOORD' || c['ValueType'] === 'SCOORD3D') out.push({ item: c, num: item });
  }
  return out;
}

function imageOf(scoord: ContentItem): { sopInstanceUid: string; frame: number | null } | null {
  const image = childrenOf(scoord).find((c) => c['ValueType'] === 'IMAGE');
  const ref = image === undefined ? undefined : first(image['ReferencedSOPSequence']);
  if (!isObj(ref)) return null;
  const uid = str(ref['ReferencedSOPInstanceUID']);
  const frame = numbersOf(ref['ReferencedFrameNumber']);
  return uid === null ? null : { sopInstanceUid: uid, frame: frame !== null && frame.length > 0 ? (frame[0] as number) : null };
}

function readGroup(group: ContentItem, index: number, outlines: ForeignOutline[], lines: ForeignLine[], warnings: string[]): void {
  const trackingIdentifier = textOf(namedOne(group, SR_CODES['tracking identifier']));
  const trackingUid = textOf(namedOne(group, SR_CODES['tracking uid']));
  const label = `measurement group ${index + 1}${trackingIdentifier === null ? '' : ` (${describe(trackingIdentifier)})`}`;
  const graphics = graphicsOf(group);
  if (graphics.length === 0) {
    warnings.push(`${label} has no outline or line on an image: left out`);
    return;
  }
  const seen = new Set<string>();
  const stated = childrenOf(group).filter((i) => i['ValueType'] === 'NUM').flatMap((n) => statedOf(n) ?? []);
  for (const { item, num } of graphics) {
    const type = str(item['GraphicType']) ?? '(none)';
    const data = numbersOf(item['GraphicData']);
    const key = `${type}:${data === null ? 'bad' : data.join(',')}`;
    // Cornerstone writes one outline under several NUMs of a group (calcscribe too): read it once.
    if (seen.has(key)) continue;
    seen.add(key);
    if (item['ValueType'] === 'SCOORD3D') {
      warnings.push(`${label}: a 3D coordinate (SCOORD3D) is not on one image: left out`);
      continue;
    }
    const image = imageOf(item);
    if (image === null) {
      warnings.push(`${label}: a ${describe(type)} names no image: left out`);
      continue;
    }
    if (data === null || data.length % 2 !== 0) {
      warnings.push(`${label}: a ${describe(type)} has graphic data that are not pairs of numbers: left out`);
      continue;
    }
    const points = Array.from({ length: data.length / 2 }, (_, i) => toPixel(data[2 * i] as number, data[2 * i + 1] as number));
    const id = { trackingIdentifier, trackingUid, ...image };
    const last = points[points.length - 1];
    const closed = points.length >= 4 && last !== undefined && last.x === points[0]?.x && last.y === points[0]?.y;
    if ((type === 'POLYLINE' && closed) || (type === 'POLYGON' && points.length >= 3)) {
      const contour = closed ? points.slice(0, -1) : points;
      if (contour.length < 3) warnings.push(`${label}: an outline of fewer than three points: left out`);
      else outlines.push({ ...id, contour, graphicType: type, stated });
    } else if (type === 'ELLIPSE' && data.length === 8) {
      const contour = ellipsePolygon(data);
      if (contour === null) warnings.push(`${label}: an ellipse without extent: left out`);
      else outlines.push({ ...id, contour, graphicType: type, stated });
    } else if (type === 'CIRCLE' && data.length === 4) {
      const [cx, cy, px, py] = data as [number, number, number, number];
      const r = Math.hypot(px - cx, py - cy);
      const contour = ellipsePolygon([cx - r, cy, cx + r, cy, cx, cy - r, cx, cy + r]);
      if (contour === null) warnings.push(`${label}: a circle without extent: left out`);
      else outlines.push({ ...id, contour, graphicType: type, stated });
    } else if (type === 'POLYLINE' && points.length === 2) {
      lines.push({ ...id, from: points[0] as PointPx, to: points[1] as PointPx, stated: num === null ? null : statedOf(num) });
    } else {
      warnings.push(`${label}: a ${describe(type)} of ${points.length} point${points.length === 1 ? '' : 's'} is neither an outline nor a line: left out`);
    }
  }
}

/**
 * The outlines and lines of a TID 1500 Measurement Report written by another system. Refused:
 * not DICOM, cut short, not an SR, not TID 1500, no Imaging Measurements. Partial, with a
 * warning each: groups or graphics that are not an outline or a line on one image.
 */
export function readForeignMeasurementSr(bytes: Uint8Array): Result<ForeignMeasurements> {
  const read = readDataset(bytes);
  if (!read.ok) return read;
  const ds = read.value;
  const sopClass = str(ds['SOPClassUID']);
  if (sopClass === null) return err('truncated', 'the dataset has no SOP Class UID: not an SR, or the file is cut short');
  if (SR_SOP_CLASSES[sopClass] === undefined) return err('bad-argument', `not a structured report: SOP Class UID ${describe(sopClass)}`);
  const template = first(ds['ContentTemplateSequence']);
  const templateId = isObj(template) ? str(template['TemplateIdentifier']) : null;
  if (templateId !== '1500' && !sameConcept(nameOf(ds), SR_CODES['imaging measurement report'])) {
    return err('bad-argument', `not a Measurement Report (TID 1500): template ${templateId === null ? '(none)' : describe(templateId)}`);
  }
  const measurements = namedOne(ds, SR_CODES['imaging measurements']);
  if (measurements === undefined) return err('bad-argument', 'the Measurement Report has no Imaging Measurements: nothing to read');
  const warnings: string[] = [];
  const outlines: ForeignOutline[] = [];
  const lines: ForeignLine[] = [];
  for (const [i, g] of named(measurements, SR_CODES['measurement group']).entries()) readGroup(g, i, outlines, lines, warnings);
  const others = childrenOf(measurements).filter((c) => !sameConcept(nameOf(c), SR_CODES['measurement group'])).length;
  if (others > 0) warnings.push(`${others} item${others === 1 ? '' : 's'} of Imaging Measurements ${others === 1 ? 'is' : 'are'} not a Measurement Group: left out`);
  return ok({ outlines, lines, warnings, studyInstanceUid: str(ds['StudyInstanceUID']), manufacturer: str(ds['Manufacturer']) });
}
