/**
 * Laterality, view and view modifiers of an OHIF display set, as hanging-protocol attributes: read
 * from the display set or its first instance (OHIF's naturalised metadata) with the core's tables,
 * in the core's order — Image Laterality, then Laterality; the View Code Sequence (CID 4014), then
 * View Position (the views table's names), then Patient Orientation (CC and MLO only); view
 * modifiers (CID 4015) inside the view item or at the top level.
 */

import {
  findCode,
  MAMMOGRAPHY_VIEW_CODES,
  MAMMOGRAPHY_VIEW_MODIFIER_CODES,
  VIEW_POSITION_VIEWS,
  viewFromPatientOrientation,
  type MammoView,
  type ViewModifier,
} from 'calcscribe/core';

type Metadata = Record<string, unknown>;

const isObject = (v: unknown): v is Metadata => typeof v === 'object' && v !== null;

function firstInstance(ds: Metadata): Metadata {
  const list = ds['instances'];
  if (Array.isArray(list) && isObject(list[0])) return list[0];
  const one = ds['instance'];
  return isObject(one) ? one : ds;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : null);

/** The attribute from the display set, else from its first instance. */
function read(displaySet: unknown, keyword: string): unknown {
  if (!isObject(displaySet)) return undefined;
  const own = displaySet[keyword];
  return own === undefined || own === null || own === '' ? firstInstance(displaySet)[keyword] : own;
}

/** The items of a sequence (naturalised as an array of items, or as one item). */
const itemsOf = (v: unknown): Metadata[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);

/** 'R', 'L' or null. */
export function lateralityOf(displaySet: unknown): string | null {
  return str(read(displaySet, 'ImageLaterality')) ?? str(read(displaySet, 'Laterality'));
}

function patientOrientation(v: unknown): readonly [string, string] | null {
  const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split('\\') : [];
  const [row, col] = parts.map(str);
  return parts.length === 2 && row != null && col != null ? [row, col] : null;
}

/** The view (the views table's names) or null: the coded view, else View Position, else Patient Orientation. */
export function viewOf(displaySet: unknown): MammoView | null {
  const item = itemsOf(read(displaySet, 'ViewCodeSequence'))[0];
  const code = item === undefined ? null : str(item['CodeValue']);
  const coded = code === null ? null : findCode(MAMMOGRAPHY_VIEW_CODES, code, str(item?.['CodingSchemeDesignator']))?.value ?? null;
  if (coded !== null) return coded;
  const position = str(read(displaySet, 'ViewPosition'));
  const named = position === null ? undefined : VIEW_POSITION_VIEWS[position];
  if (named !== undefined) return named;
  const orientation = patientOrientation(read(displaySet, 'PatientOrientation'));
  return orientation === null ? null : viewFromPatientOrientation(orientation);
}

/** The view modifiers the core names (magnification, spot compression, …), coded inside the view item or at the top level. */
export function viewModifiersOf(displaySet: unknown): ViewModifier[] {
  const holders = [displaySet, ...itemsOf(read(displaySet, 'ViewCodeSequence'))];
  const out: ViewModifier[] = [];
  for (const holder of holders) {
    const seq = holder === displaySet ? read(displaySet, 'ViewModifierCodeSequence') : (holder as Metadata)['ViewModifierCodeSequence'];
    for (const item of itemsOf(seq)) {
      const value = str(item['CodeValue']);
      const m = value === null ? null : findCode(MAMMOGRAPHY_VIEW_MODIFIER_CODES, value, str(item['CodingSchemeDesignator']))?.value ?? null;
      if (m !== null && !out.includes(m)) out.push(m);
    }
  }
  return out;
}

/** The attribute ids the hanging protocol matches on. */
export const LATERALITY_ATTRIBUTE = 'calcscribeLaterality';
export const VIEW_ATTRIBUTE = 'calcscribeView';
export const VIEW_MODIFIERS_ATTRIBUTE = 'calcscribeViewModifiers';

/** What OHIF's HangingProtocolService offers for custom attributes. */
export interface CustomAttributeHost {
  addCustomAttribute(id: string, name: string, callback: (displaySet: unknown) => unknown): void;
}

/** Registers the laterality, view and view-modifier attributes with the hanging protocol service. */
export function registerMammoAttributes(service: CustomAttributeHost): void {
  service.addCustomAttribute(LATERALITY_ATTRIBUTE, 'Image laterality (R / L)', lateralityOf);
  service.addCustomAttribute(VIEW_ATTRIBUTE, 'Mammography view (CC, MLO, ML, XCCL …)', viewOf);
  service.addCustomAttribute(VIEW_MODIFIERS_ATTRIBUTE, 'Mammography view modifiers (magnification, spot compression …)', viewModifiersOf);
}
