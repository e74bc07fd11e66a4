/**
 * Which breast and which view an image shows.
 *
 * Laterality: Image Laterality (0020,0062), else the series-level Laterality (0020,0060) with a
 * warning. View: the View Code Sequence (0054,0220) is authoritative; View Position (0018,5101)
 * is the fall-back; Patient Orientation (0020,0020) is the last resort (CC and MLO only).
 * View modifiers come from the View Modifier Code Sequence (0054,0222), which may sit inside the
 * View Code Sequence item (as the MG IOD puts it) or at the top level.
 */
import type { DataSet } from 'dicom-parser';
import type { Laterality, MammoView, ViewModifier, ViewSource } from '../image.js';
import { items, readText, readTexts } from './dataset-values.js';
import { TAG } from './dicom-tags.js';
import { MAMMOGRAPHY_VIEW_CODES, MAMMOGRAPHY_VIEW_MODIFIER_CODES, VIEW_POSITION_VIEWS, findCode } from './view-codes.js';

export interface ViewAndLaterality {
  readonly laterality: Laterality | null;
  readonly view: MammoView | null;
  readonly viewSource: ViewSource | null;
  readonly viewModifiers: readonly ViewModifier[];
  readonly patientOrientation: readonly [string, string] | null;
  readonly warnings: readonly string[];
}

function asLaterality(v: string | null): Laterality | null {
  const s = v?.toUpperCase();
  return s === 'R' || s === 'L' || s === 'B' ? s : null;
}

/** Infers CC / MLO from the column direction of Patient Orientation (e.g. "P\L" → CC, "P\FL" → MLO). */
export function viewFromPatientOrientation(o: readonly [string, string]): MammoView | null {
  const col = o[1].toUpperCase();
  if (col === 'L' || col === 'R') return 'CC';
  if (/^[FH][LR]$|^[LR][FH]$/.test(col)) return 'MLO';
  return null;
}

function readOrientation(ds: DataSet): readonly [string, string] | null {
  const parts = readTexts(ds, TAG.PatientOrientation);
  if (parts === null || parts.length !== 2) return null;
  const [row, col] = parts as [string, string];
  return /^[APLRHF]{1,3}$/i.test(row) && /^[APLRHF]{1,3}$/i.test(col) ? [row.toUpperCase(), col.toUpperCase()] : null;
}

function codedModifiers(ds: DataSet, warnings: string[]): ViewModifier[] {
  const out: ViewModifier[] = [];
  const holders = [ds, ...items(ds, TAG.ViewCodeSequence)];
  for (const holder of holders) {
    for (const item of items(holder, TAG.ViewModifierCodeSequence)) {
      const value = readText(item, TAG.CodeValue, ds);
      if (value === null) continue;
      const c = findCode(MAMMOGRAPHY_VIEW_MODIFIER_CODES, value, readText(item, TAG.CodingSchemeDesignator, ds));
      if (c === null) warnings.push(`unknown view modifier code ${value}: ignored`);
      else if (c.value === null) warnings.push(`view modifier "${c.meaning}" is not used by the analysis`);
      else if (!out.includes(c.value)) out.push(c.value);
    }
  }
  return out;
}

/** Reads laterality, view (with where it came from), view modifiers and patient orientation. */
export function readViewAndLaterality(ds: DataSet): ViewAndLaterality {
  const warnings: string[] = [];

  let laterality = asLaterality(readText(ds, TAG.ImageLaterality));
  if (laterality === null) {
    laterality = asLaterality(readText(ds, TAG.Laterality));
    if (laterality !== null) warnings.push(`laterality ${laterality} taken from series Laterality (0020,0060): no Image Laterality`);
    else warnings.push('laterality unknown: no Image Laterality or Laterality');
  }

  const patientOrientation = readOrientation(ds);
  let view: MammoView | null = null;
  let viewSource: ViewSource | null = null;

  const viewItem = items(ds, TAG.ViewCodeSequence)[0];
  if (viewItem !== undefined) {
    const value = readText(viewItem, TAG.CodeValue, ds);
    const c = value === null ? null : findCode(MAMMOGRAPHY_VIEW_CODES, value, readText(viewItem, TAG.CodingSchemeDesignator, ds));
    if (c !== null && c.value !== null) {
      view = c.value;
      viewSource = 'view-code-sequence';
    } else if (c) {
      warnings.push(`view "${c.meaning}" (${c.abbreviation}) is not one the analysis names`);
    } else if (value !== null) {
      warnings.push(`unknown view code ${value} in View Code Sequence`);
    }
  }
  if (view === null) {
    const position = readText(ds, TAG.ViewPosition)?.toUpperCase() ?? null;
    const fromPosition = position === null ? undefined : VIEW_POSITION_VIEWS[position];
    if (fromPosition !== undefined) {
      view = fromPosition;
      viewSource = 'view-position';
      warnings.push(`view ${view} taken from View Position (0018,5101): no coded view`);
    }
  }
  if (view === null && patientOrientation !== null) {
    view = viewFromPatientOrientation(patientOrientation);
    if (view !== null) {
      viewSource = 'patient-orientation';
      warnings.push(`view ${view} inferred from Patient Orientation ${patientOrientation.join('\\')}`);
    }
  }
  if (view === null) warnings.push('view unknown');

  return { laterality, view, viewSource, viewModifiers: codedModifiers(ds, warnings), patientOrientation, warnings };
}
