/**
 * The PACS this viewer's server proxies, as the page learns it (GET /dicomweb-config): the page
 * talks to /dicomweb on its own origin only. Null when none is configured or the answer is not one.
 */
import type { PacsConfig } from '../../dicomweb/index.js';

export interface PacsOfPage {
  /** How the server names it, e.g. "http://pacs:8042/dicom-web" (never with credentials). */
  readonly label: string;
  readonly config: PacsConfig;
}

/** Reads the server's answer: a configured PACS is proxied under a same-origin path. */
export function pacsFromConfigAnswer(answer: unknown): PacsOfPage | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const a = answer as { configured?: unknown; label?: unknown; root?: unknown };
  if (a.configured !== true || typeof a.root !== 'string' || !a.root.startsWith('/') || a.root.startsWith('//')) return null;
  return { label: typeof a.label === 'string' ? a.label.slice(0, 200) : 'the PACS', config: { url: a.root.replace(/\/+$/, '') } };
}

export async function fetchPacsOfPage(): Promise<PacsOfPage | null> {
  try {
    const res = await fetch('/dicomweb-config', { headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    return pacsFromConfigAnswer(await res.json());
  } catch {
    return null;
  }
}
