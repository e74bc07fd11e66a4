/**
 * The saved reports of one exam as a chain of amendments: the first report, then each SR that
 * names the one before it as its predecessor (Predecessor Documents Sequence). Used to show "reported
 * by X at T; amended by Y at T2" and to open the latest for review.
 */
import type { SrPredecessor } from './sr-options.js';

/** What a reader of a saved report knows of it (readCalcificationSr gives each of these). */
export interface SavedReportStamp {
  readonly instance: SrPredecessor;
  readonly predecessor: SrPredecessor | null;
  /** Person Observer Name as stored (PN), null when absent. */
  readonly observerName: string | null;
  /** Content date and time, ISO 8601 as readCalcificationSr gives it; null when absent. */
  readonly contentDateTime: string | null;
}

/** A PN value for people: its components in order, separated by spaces ("Dr Ada Reader^" → "Dr Ada Reader"). */
export function personNameForDisplay(pn: string | null): string | null {
  if (pn === null) return null;
  const shown = pn.split('=')[0]?.split('^').map((s) => s.trim()).filter((s) => s.length > 0).join(' ') ?? '';
  return shown.length === 0 ? null : shown;
}

/** Newest first: by content date and time (absent ones last), then an amendment before the report it amends. */
export function newestFirst<T extends SavedReportStamp>(reports: readonly T[]): T[] {
  // Depth in the chain: how many saved predecessors lead to it (an amendment is newer than what it amends whatever the clocks said).
  const byUid = new Map(reports.map((r) => [r.instance.sopInstanceUid, r]));
  const depth = (r: T): number => {
    let n = 0;
    const seen = new Set<string>();
    for (let p = r.predecessor; p !== null && !seen.has(p.sopInstanceUid); n++) {
      seen.add(p.sopInstanceUid);
      p = byUid.get(p.sopInstanceUid)?.predecessor ?? null;
    }
    return n;
  };
  return [...reports].sort((a, b) => {
    const ta = a.contentDateTime;
    const tb = b.contentDateTime;
    if (ta !== tb) {
      if (ta === null) return 1;
      if (tb === null) return -1;
      const d = Date.parse(tb) - Date.parse(ta);
      if (!Number.isNaN(d) && d !== 0) return d;
    }
    return depth(b) - depth(a);
  });
}

/**
 * The chain ending at `latest`, oldest first: each predecessor found among `reports` (by SOP
 * Instance UID). A predecessor that is not among them ends the chain: `missing` names it.
 */
export function reportChain<T extends SavedReportStamp>(latest: T, reports: readonly T[]): { readonly chain: readonly T[]; readonly missing: SrPredecessor | null } {
  const byUid = new Map(reports.map((r) => [r.instance.sopInstanceUid, r]));
  const chain: T[] = [latest];
  const seen = new Set([latest.instance.sopInstanceUid]);
  let p = latest.predecessor;
  while (p !== null) {
    const before = byUid.get(p.sopInstanceUid);
    if (before === undefined || seen.has(p.sopInstanceUid)) return { chain: chain.reverse(), missing: before === undefined ? p : null };
    seen.add(p.sopInstanceUid);
    chain.push(before);
    p = before.predecessor;
  }
  return { chain: chain.reverse(), missing: null };
}
