/**
 * SR content items as dcmjs naturalized datasets (PS3.3 C.17.3): one function per value type,
 * concept names and coded values taken from the codes module. Text goes through sr-text so that
 * every value fits its value representation.
 */
import { SR_PRIVATE_CODES, type CodedConcept } from '../../codes.js';
import type { PointPx } from '../../units.js';
import { shortText, utText } from './sr-text.js';

export type RelationshipType = 'CONTAINS' | 'HAS CONCEPT MOD' | 'HAS OBS CONTEXT' | 'INFERRED FROM' | 'SELECTED FROM' | 'HAS ACQ CONTEXT' | 'HAS PROPERTIES';

/** A code sequence item (Basic Coded Entry Attributes, PS3.3 Table 8.8-1). */
export interface CodeItem {
  readonly CodeValue: string;
  readonly CodingSchemeDesignator: string;
  /** Type 1C: only where the designator alone does not identify the code (PS3.16 gives the version). */
  readonly CodingSchemeVersion?: string;
  readonly CodeMeaning: string;
}

/** A content item of the tree, naturalized (dcmjs keywords). */
export interface ContentItem {
  readonly RelationshipType: RelationshipType;
  readonly ValueType: string;
  readonly ConceptNameCodeSequence?: readonly CodeItem[];
  readonly ContentSequence?: readonly ContentItem[];
  readonly [keyword: string]: unknown;
}

const codeItems = new WeakMap<CodedConcept, CodeItem>();

/**
 * The code sequence item of a concept from the codes module: made once per concept and shared
 * (frozen), since a report repeats the same few dozen codes thousands of times.
 */
export function codeItem(code: CodedConcept): CodeItem {
  let item = codeItems.get(code);
  if (item === undefined) {
    const meaning = shortText(code.meaning, 64);
    item = Object.freeze(
      code.version === undefined
        ? { CodeValue: code.value, CodingSchemeDesignator: code.scheme, CodeMeaning: meaning }
        : { CodeValue: code.value, CodingSchemeDesignator: code.scheme, CodingSchemeVersion: code.version, CodeMeaning: meaning },
    );
    codeItems.set(code, item);
  }
  return item;
}

/** Adds the children to an item just made (no copy: the item is not shared yet). */
function withChildren<T extends Record<string, unknown>>(item: T, children: readonly ContentItem[]): T {
  if (children.length > 0) (item as Record<string, unknown>)['ContentSequence'] = children;
  return item;
}

export function container(rel: RelationshipType, name: CodedConcept, children: readonly ContentItem[]): ContentItem {
  return { RelationshipType: rel, ValueType: 'CONTAINER', ConceptNameCodeSequence: [codeItem(name)], ContinuityOfContent: 'SEPARATE', ContentSequence: children };
}

export function codeValue(rel: RelationshipType, name: CodedConcept, value: CodedConcept, children: readonly ContentItem[] = []): ContentItem {
  return withChildren({ RelationshipType: rel, ValueType: 'CODE', ConceptNameCodeSequence: [codeItem(name)], ConceptCodeSequence: [codeItem(value)] }, children);
}

export function textValue(rel: RelationshipType, name: CodedConcept, text: string, children: readonly ContentItem[] = []): ContentItem {
  return withChildren({ RelationshipType: rel, ValueType: 'TEXT', ConceptNameCodeSequence: [codeItem(name)], TextValue: utText(text) }, children);
}

export function uidValue(rel: RelationshipType, name: CodedConcept, uid: string): ContentItem {
  return { RelationshipType: rel, ValueType: 'UIDREF', ConceptNameCodeSequence: [codeItem(name)], UID: uid };
}

export function personValue(rel: RelationshipType, name: CodedConcept, pn: string): ContentItem {
  return { RelationshipType: rel, ValueType: 'PNAME', ConceptNameCodeSequence: [codeItem(name)], PersonName: pn };
}

/** A DATE item from YYYY-MM-DD. */
export function dateValue(rel: RelationshipType, name: CodedConcept, isoDate: string): ContentItem {
  return { RelationshipType: rel, ValueType: 'DATE', ConceptNameCodeSequence: [codeItem(name)], Date: isoDate.replace(/-/g, '') };
}

/**
 * A NUM item (Measured Value Sequence, PS3.3 C.18.1). The value is written as a DS, which holds
 * at most 16 characters: it is rounded to the significant digits that fit.
 */
export function numValue(rel: RelationshipType, name: CodedConcept, value: number, unit: CodedConcept, children: readonly ContentItem[] = []): ContentItem {
  return withChildren(
    {
      RelationshipType: rel,
      ValueType: 'NUM',
      ConceptNameCodeSequence: [codeItem(name)],
      MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: [codeItem(unit)], NumericValue: decimalString(value) }],
    },
    children,
  );
}

/** A finite number as a DS (PS3.5 Table 6.2-1): at most 16 characters, with an exponent when that keeps more digits. */
export function decimalString(value: number): string {
  for (let digits = 15; digits > 0; digits--) {
    const plain = String(Number(value.toPrecision(digits)));
    if (plain.length <= 16 && !plain.includes('e')) return plain;
    const exp = value.toExponential(digits - 1);
    if (exp.length <= 16) return exp;
  }
  return '0';
}

/**
 * An image point in SCOORD pixel coordinates (PS3.3 C.18.6.1.2: the top left corner of the top
 * left pixel is 0,0, so its centre is 0.5,0.5), from calcscribe's stored-image pixels (pixel
 * centres at integers, units.ts), as the 32-bit float Graphic Data holds it.
 */
export function scoordOf(p: PointPx): [number, number] {
  return [Math.fround(p.x + 0.5), Math.fround(p.y + 0.5)];
}

/** The IMAGE item an SCOORD is selected from. */
export function imageRef(rel: RelationshipType, sopClassUid: string, sopInstanceUid: string): ContentItem {
  return { RelationshipType: rel, ValueType: 'IMAGE', ReferencedSOPSequence: [{ ReferencedSOPClassUID: sopClassUid, ReferencedSOPInstanceUID: sopInstanceUid }] };
}

/** An SCOORD item on one image: a closed POLYLINE (first point repeated last) or a POINT. */
export function scoordValue(rel: RelationshipType, name: CodedConcept, kind: 'closed polyline' | 'point', points: readonly PointPx[], image: ContentItem): ContentItem {
  const closed = kind === 'closed polyline' && points.length > 0;
  const data = new Array<number>(2 * (points.length + (closed ? 1 : 0)));
  for (let i = 0; i < points.length; i++) {
    const [x, y] = scoordOf(points[i] as PointPx);
    data[2 * i] = x;
    data[2 * i + 1] = y;
  }
  if (closed) {
    data[2 * points.length] = data[0] as number;
    data[2 * points.length + 1] = data[1] as number;
  }
  return {
    RelationshipType: rel,
    ValueType: 'SCOORD',
    ConceptNameCodeSequence: [codeItem(name)],
    GraphicType: kind === 'point' ? 'POINT' : 'POLYLINE',
    GraphicData: data,
    ContentSequence: [image],
  };
}

/** Marks a final term or text: kept from calcscribe's suggestion, or chosen (replaced, typed) by the radiologist. */
export function originMarker(byRadiologist: boolean): ContentItem {
  return codeValue('HAS CONCEPT MOD', SR_PRIVATE_CODES['statement origin'], byRadiologist ? SR_PRIVATE_CODES['chosen by radiologist'] : SR_PRIVATE_CODES.suggested);
}
