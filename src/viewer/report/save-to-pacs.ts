/**
 * Save to PACS: the report's SR stored with STOW-RS through the page's DICOMweb proxy, with the
 * progress and the outcome the radiologist sees (stored, or failed with the server's reason). The
 * draft is only read: a failed store changes nothing and can be sent again.
 */
import { storeInstances, type PacsConfig } from '../../dicomweb/index.js';
import { err, ok, type Result } from '../../core/result.js';
import type { ReportSr } from './report-sr.js';

/** What the Save to PACS button shows. */
export type PacsSaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving'; readonly sentBytes: number; readonly totalBytes: number }
  | { readonly kind: 'stored'; readonly sopInstanceUid: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** Stores one SR; ok when the server says it is stored, else the server's reason (or why no answer came). */
export async function storeReport(pacs: PacsConfig, sr: ReportSr, onProgress: (sentBytes: number, totalBytes: number) => void): Promise<Result<void>> {
  const bytes = sr.bytes.slice().buffer;
  const r = await storeInstances(pacs, [bytes], onProgress);
  if (!r.ok) return err('bad-argument', r.error.message);
  const outcome = r.value.instances[0];
  if (outcome === undefined) return err('bad-argument', `the PACS answered HTTP ${r.value.status} without saying whether the report was stored`);
  if (outcome.status === 'failed') return err('bad-argument', `the PACS refused the report: ${outcome.reason}`);
  return ok(undefined);
}

/** The words beside the button. */
export function pacsSaveText(s: PacsSaveState, label: string): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'saving':
      return `Saving to ${label}… ${s.totalBytes === 0 ? '' : `${Math.round((100 * s.sentBytes) / s.totalBytes)} %`}`.trim();
    case 'stored':
      return `Stored in ${label}`;
    case 'failed':
      return `NOT stored in ${label}: ${s.reason}. Your draft is kept: save again to retry.`;
  }
}
