/**
 * The saved reports of a study in the PACS: its instances listed (QIDO-RS), and the reports among
 * them retrieved (WADO-RS) and read by the core (savedReportsAmong, as the OHIF panel reads them);
 * other systems' SRs and broken ones are said, not opened.
 */
import { listInstances, retrieveInstance, type PacsConfig } from '../../dicomweb/index.js';
import { savedReportsAmong, type SavedReport } from '../../core/draft/saved-report.js';
import { err, ok } from '../../core/result.js';

export interface ReportsInPacs {
  readonly reports: readonly SavedReport[];
  /** What could not be listed, retrieved or read, one line each. */
  readonly problems: readonly string[];
}

export async function reportsInPacs(pacs: PacsConfig, label: string, studyInstanceUid: string): Promise<ReportsInPacs> {
  const listed = await listInstances(pacs, studyInstanceUid);
  if (!listed.ok) return { reports: [], problems: [`The saved reports of this study could not be listed: ${listed.error.message}`] };
  return savedReportsAmong(
    listed.value,
    async (i) => {
      const got = await retrieveInstance(pacs, { study: studyInstanceUid, series: i.seriesInstanceUid, instance: i.sopInstanceUid });
      return got.ok ? ok(new Uint8Array(got.value)) : err('not-stored', got.error.message);
    },
    `the PACS (${label})`,
  );
}
