/**
 * The reports of an exam saved or opened in this browser, kept beside the autosaved draft: after a
 * reload the panel still shows who reported and amended, and the next save still amends the last
 * report instead of starting a new, unrelated one. Only the stamps are kept (UIDs, who, when), not
 * the reports' drafts: the draft itself is the autosave's.
 */
import type { SavedReportStamp } from '../../core/report/sr/report-chain.js';
import type { SrPredecessor } from '../../core/report/sr/sr-options.js';

export const CHAIN_KEY_PREFIX = 'calcscribe.reportChain.';

export interface KeptChain {
  readonly reports: readonly SavedReportStamp[];
  readonly latest: SavedReportStamp | null;
}

type ChainStorage = Pick<Storage, 'getItem' | 'setItem'>;
const storageOf = (s?: ChainStorage): ChainStorage | null => s ?? (typeof localStorage === 'undefined' ? null : localStorage);

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

/** A stamp alone (a SavedReport also carries its draft, which is not kept here). */
function bare(s: SavedReportStamp): SavedReportStamp {
  return { instance: s.instance, predecessor: s.predecessor, observerName: s.observerName, contentDateTime: s.contentDateTime };
}

/** The chain kept for the exam, or null when none is (or what is kept is not a chain: ignored). */
export function keptChain(examKey: string, storage?: ChainStorage): KeptChain | null {
  try {
    const text = storageOf(storage)?.getItem(CHAIN_KEY_PREFIX + examKey) ?? null;
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

/** Keeps the chain for the exam; false when the browser would not store it. */
export function keepChain(examKey: string, chain: KeptChain, storage?: ChainStorage): boolean {
  try {
    storageOf(storage)?.setItem(CHAIN_KEY_PREFIX + examKey, JSON.stringify({ reports: chain.reports.map(bare), latest: chain.latest === null ? null : bare(chain.latest) }));
    return true;
  } catch {
    return false;
  }
}
