/**
 * What each mammographic view can tell about a finding's position across the breast, as data:
 * cranio-caudal projections separate medial from lateral, lateral and oblique projections
 * separate upper from lower. The axillary tail view tells neither reliably.
 */
import type { MammoView } from '../image.js';

export type ViewAxis = 'medial-lateral' | 'upper-lower';

export const VIEW_AXIS: Readonly<Record<MammoView, ViewAxis | null>> = {
  CC: 'medial-lateral',
  XCCL: 'medial-lateral',
  XCCM: 'medial-lateral',
  FB: 'medial-lateral',
  CV: 'medial-lateral',
  MLO: 'upper-lower',
  ML: 'upper-lower',
  LM: 'upper-lower',
  LMO: 'upper-lower',
  SIO: 'upper-lower',
  AT: null,
};

/** Views on which the pectoral muscle is expected along the chest wall. */
export const VIEWS_SHOWING_PECTORAL: ReadonlySet<MammoView> = new Set<MammoView>(['MLO', 'ML', 'LM', 'LMO']);

/** The axis a view separates, or null (unknown view or one that does not tell). */
export function viewAxis(view: MammoView | null): ViewAxis | null {
  return view === null ? null : VIEW_AXIS[view];
}
