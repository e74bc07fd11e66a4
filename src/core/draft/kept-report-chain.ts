/**
 * The reports of an exam saved, stored or opened in this browser, kept in its storage: after a
 * reload the standalone viewer still shows who reported and amended, and the next save — the
 * viewer's or the OHIF panel's — still amends the last report instead of starting a new, unrelated
 * one. Only the stamps are kept (UIDs, who, when), not the reports' drafts: the draft itself is the
 * autosave's. Where the browser keeps nothing (no storage, or it refuses: private mode, quota), the
 * chain is kept in memory for the page's life, and keepChain says it was not kept across a reload.
 */
import type { SavedReportStamp } from '../report/sr/report-chain.js';
import type { SrPredecessor } from '../report/sr/sr-options.js';

export const CHAIN_KEY_PREFIX = 'calcscribe.reportChain.';

export interface KeptChain {
  readonly reports: readonly SavedReportStamp[];
  readonly latest: SavedReportStamp | null;
}

/** The part of the browser's Web Storage used here (the core has no DOM types). */
export interface ChainStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The given storage, else the browser's localStorage (null where there is none, or reading it throws). */
function storageOf(s?: ChainStorage): ChainStorage | null {
  if (s !== undefined) return s;
  try {
    return (globalThis as { localStorage?: ChainStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

/** Chains the browser's storage would not keep, by storage key: read before the storage (theirs is older). */
const inMemory = new Map<string, string>();

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

function instanceOf(v: unknown): SrPredecessor | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  return str(o['sopInstanceUid']) && str(o['seriesInstanceUid']) && str(o['studyInstanceUid'])
    ? { sopInstanceUid: o['sopInstanceUid'], seriesInstanceUid: o['seriesInstanceUid'], studyInstanceUid: o['studyInstanceUid'] }
    : null;
}

function stampOf(v: unknown): SavedReportStamp | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const instance = instanceOf(o['instance']);
  const predecessor = o['predecessor'] === null ? null : instanceOf(o['predecessor']);
  if (instance === null || (o['predecessor'] !== null && predecessor === null) || !strOrNull(o['observerName']) || !strOrNull(o['contentDateTime'])) return null;
  return { instance, predecessor, observerName: o['observerName'], contentDateTime: o['contentDateTime'] };
}

/** The reports with the added ones, each report once (by SOP Instance UID; a later copy replaces an earlier one). */
export function withReports<T extends SavedReportStamp>(reports: readonly T[], added: readonly T[]): T[] {
  return [...new Map([...reports, ...added].map((r) => [r.instance.sopInstanceUid, r])).values()];
}

/** A stamp alone (a SavedReport also carries its draft, which is not kept here). */
function bare(s: SavedReportStamp): SavedReportStamp {
  return { instance: s.instance, predecessor: s.predecessor, observerName: s.observerName, contentDateTime: s.contentDateTime };
}

/** The chain kept for the exam, or null when none is (or what is kept is not a chain: ignored). */
export function keptChain(examKey: string, storage?: ChainStorage): KeptChain | null {
  try {
    const key = CHAIN_KEY_PREFIX + examKey;
    const text = inMemory.get(key) ?? storageOf(storage)?.getItem(key) ?? null;
    if (text === null) return null;
    const v = JSON.parse(text) as Record<string, unknown>;
    if (!Array.isArray(v['reports'])) return null;
    const reports = v['reports'].map(stampOf);
    const latest = v['latest'] === null ? null : stampOf(v['latest']);
    if (reports.some((r) => r === null) || (v['latest'] !== null && latest === null)) return null;
    return { reports: reports as SavedReportStamp[], latest };
  } catch {
    return null;
  }
}

/** Keeps the chain for the exam; false when the browser would not store it (then kept in memory for this page). */
export function keepChain(examKey: string, chain: KeptChain, storage?: ChainStorage): boolean {
  const key = CHAIN_KEY_PREFIX + examKey;
  const text = JSON.stringify({ reports: chain.reports.map(bare), latest: chain.latest === null ? null : bare(chain.latest) });
  const s = storageOf(storage);
  try {
    if (s !== null) {
      s.setItem(key, text);
      inMemory.delete(key);
      return true;
    }
  } catch {
    // Refused (private mode, quota): kept in memory below.
  }
  inMemory.set(key, text);
  return false;
}
