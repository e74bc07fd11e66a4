/**
 * The mammographic views, in one table: what each projection tells about a finding's position
 * across the breast (cranio-caudal projections separate medial from lateral, lateral and oblique
 * projections separate upper from lower; the axillary tail view tells neither reliably), which row
 * of the screening hanging it takes (the CC row or the MLO row), and whether the pectoral muscle
 * is expected along its chest wall. Every place that classifies a view (locating, combining CC
 * with MLO, hanging, reading View Position) reads it here.
 */
import type { MammoView } from '../image.js';

export type ViewAxis = 'medial-lateral' | 'upper-lower';

export interface ViewEntry {
  /** The axis the view separates; null when it tells neither reliably. */
  readonly axis: ViewAxis | null;
  /** The screening hanging row it takes; null for views hung only on request. */
  readonly hangsAs: 'CC' | 'MLO' | null;
  /** Whether the pectoral muscle is expected along the chest wall. */
  readonly showsPectoral: boolean;
}

/** Views by their ACR MQCM abbreviation (also the View Position strings that name a view). */
export const VIEWS: Readonly<Record<MammoView, ViewEntry>> = {
  CC: { axis: 'medial-lateral', hangsAs: 'CC', showsPectoral: false },
  XCCL: { axis: 'medial-lateral', hangsAs: 'CC', showsPectoral: false },
  XCCM: { axis: 'medial-lateral', hangsAs: 'CC', showsPectoral: false },
  FB: { axis: 'medial-lateral', hangsAs: null, showsPectoral: false },
  CV: { axis: 'medial-lateral', hangsAs: null, showsPectoral: false },
  MLO: { axis: 'upper-lower', hangsAs: 'MLO', showsPectoral: true },
  ML: { axis: 'upper-lower', hangsAs: 'MLO', showsPectoral: true },
  LM: { axis: 'upper-lower', hangsAs: 'MLO', showsPectoral: true },
  LMO: { axis: 'upper-lower', hangsAs: 'MLO', showsPectoral: true },
  SIO: { axis: 'upper-lower', hangsAs: null, showsPectoral: false },
  AT: { axis: null, hangsAs: null, showsPectoral: false },
};


export const VIEW_AXIS: Readonly<Record<MammoView, ViewAxis | null>> = Object.fromEntries(
  Object.entries(VIEWS).map(([v, e]) => [v, e.axis]),
) as Record<MammoView, ViewAxis | null>;

/** Views on which the pectoral muscle is expected along the chest wall. */
export const VIEWS_SHOWING_PECTORAL: ReadonlySet<MammoView> = new Set<MammoView>(
  (Object.entries(VIEWS) as [MammoView, ViewEntry][]).filter(([, e]) => e.showsPectoral).map(([v]) => v),
);

/** The axis a view separates, or null (unknown view or one that does not tell). */
export function viewAxis(view: MammoView | null): ViewAxis | null {
  return view === null ? null : VIEWS[view].axis;
}

/** The screening hanging row of a view ('CC' or 'MLO'), or null. */
export function hangingRow(view: MammoView | null): 'CC' | 'MLO' | null {
  return view === null ? null : VIEWS[view].hangsAs;
}
