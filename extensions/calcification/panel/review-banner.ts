/**
 * The words of the saved-report banner: who reported and when, then each amendment, oldest first
 * ("Reported by Dr A at 2026-03-10 11:30 UTC", "Amended by Dr B at …").
 */
import { personNameForDisplay, reportChain, type SavedReportStamp } from 'calcscribe/draft';

/** "2026-03-10T11:30:05Z" → "2026-03-10 11:30:05 UTC"; an offset is kept as written. */
export function reportTimeText(iso: string | null): string {
  if (iso === null) return 'an unknown time';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?(Z|[+-]\d{2}:\d{2})?$/.exec(iso);
  if (m === null) return iso;
  const zone = m[3] === undefined ? '' : m[3] === 'Z' ? ' UTC' : ` (UTC${m[3]})`;
  return m[2] === undefined ? (m[1] ?? iso) : `${m[1]} ${m[2]}${zone}`;
}

/** One line per report of the chain ending at `latest`, oldest first; a predecessor not seen here is said. */
export function reviewChainLines(latest: SavedReportStamp, reports: readonly SavedReportStamp[]): string[] {
  const { chain, missing } = reportChain(latest, reports);
  const who = (r: SavedReportStamp): string => personNameForDisplay(r.observerName) ?? 'an unnamed reader';
  const lines = chain.map((r, i) => `${i === 0 && missing === null ? 'Reported' : 'Amended'} by ${who(r)} at ${reportTimeText(r.contentDateTime)}`);
  if (missing !== null) lines.unshift(`Amends an earlier report not opened here (SOP Instance UID ${missing.sopInstanceUid})`);
  return lines;
}
