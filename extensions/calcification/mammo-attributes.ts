/**
 * Laterality and view of an OHIF display set, as hanging-protocol attributes: read from the
 * display set or its first instance (Image Laterality, then Laterality; View Code Sequence, then
 * View Position).
 */

import { findCode, MAMMOGRAPHY_VIEW_CODES } from 'calcscribe/core';

type Metadata = Record<string, unknown>;

function firstInstance(ds: Metadata): Metadata {
  const list = ds['instances'];
  if (Array.isArray(list) && typeof list[0] === 'object' && list[0] !== null) return list[0] as Metadata;
  const one = ds['instance'];
  return typeof one === 'object' && one !== null ? (one as Metadata) : ds;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().toUpperCase() : null);

/** 'R', 'L' or null. */
export function lateralityOf(displaySet: unknown): string | null {
  if (typeof displaySet !== 'object' || displaySet === null) return null;
  const ds = displaySet as Metadata;
  const i = firstInstance(ds);
  return str(ds['ImageLaterality']) ?? str(i['ImageLaterality']) ?? str(i['Laterality']) ?? str(ds['Laterality']);
}

/** 'CC', 'MLO', … or null: from View Code Sequence when coded (the core's CID 4014 table), else View Position. */
export function viewOf(displaySet: unknown): string | null {
  if (typeof displaySet !== 'object' || displaySet === null) return null;
  const ds = displaySet as Metadata;
  const i = firstInstance(ds);
  const seq = i['ViewCodeSequence'];
  const item = (Array.isArray(seq) ? seq[0] : seq) as Metadata | undefined;
  const code = item === undefined ? null : str(item['CodeValue']);
  const coded = code === null ? null : findCode(MAMMOGRAPHY_VIEW_CODES, code, str(item?.['CodingSchemeDesignator']))?.value ?? null;
  if (coded !== null) return coded;
  return str(ds['ViewPosition']) ?? str(i['ViewPosition']);
}

/** The attribute ids the hanging protocol matches on. */
export const LATERALITY_ATTRIBUTE = 'calcscribeLaterality';
export const VIEW_ATTRIBUTE = 'calcscribeView';

/** What OHIF's HangingProtocolService offers for custom attributes. */
export interface CustomAttributeHost {
  addCustomAttribute(id: string, name: string, callback: (displaySet: unknown) => unknown): void;
}

/** Registers the laterality and view attributes with the hanging protocol service. */
export function registerMammoAttributes(service: CustomAttributeHost): void {
  service.addCustomAttribute(LATERALITY_ATTRIBUTE, 'Image laterality (R / L)', lateralityOf);
  service.addCustomAttribute(VIEW_ATTRIBUTE, 'Mammography view (CC, MLO …)', viewOf);
}
