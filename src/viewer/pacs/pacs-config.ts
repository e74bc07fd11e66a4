/**
 * Whether the standalone server was given a DICOMweb server (`npm start -- --dicomweb URL`): its
 * `GET /dicomweb-config` answers `{ configured, label }`. Without one (or from a server that does
 * not answer it) the viewer offers no PACS.
 */
export interface PacsConfig {
  readonly configured: boolean;
  /** How the server names the PACS (never its address's credentials). */
  readonly label: string;
}

export const NO_PACS: PacsConfig = { configured: false, label: '' };

/** Reads the configuration; anything else than a well-formed answer means no PACS. */
export async function fetchPacsConfig(fetcher: typeof fetch = fetch): Promise<PacsConfig> {
  try {
    const res = await fetcher('/dicomweb-config');
    if (!res.ok) return NO_PACS;
    const body = (await res.json()) as unknown;
    if (typeof body !== 'object' || body === null) return NO_PACS;
    const { configured, label } = body as { configured?: unknown; label?: unknown };
    if (configured !== true) return NO_PACS;
    return { configured: true, label: typeof label === 'string' && label.trim() !== '' ? label : 'PACS' };
  } catch {
    return NO_PACS;
  }
}

/** A reader of the configuration that asks the server once: every later call shares the first answer. */
export function askedOnce(fetcher?: typeof fetch): () => Promise<PacsConfig> {
  let answer: Promise<PacsConfig> | null = null;
  return () => (answer ??= fetchPacsConfig(fetcher));
}

/**
 * The page's PACS configuration, asked for once when first needed: the PACS dialog and Save to
 * PACS both read it (the server's configuration does not change while the page is open).
 */
export const pacsConfigOfPage = askedOnce();
