/**
 * The saved reports of a study in the PACS: its Comprehensive SR instances (QIDO-RS), each
 * retrieved (WADO-RS) and read by the core; other systems' SRs and broken ones are counted, not opened.
 */
import { listInstances, retrieveInstance, type PacsConfig } from '../../dicomweb/index.js';
import { COMPREHENSIVE_SR_SOP_CLASS } from '../../core/report/sr/sr-options.js';
import { readSavedReport, type SavedReport } from '../../core/draft/saved-report.js';

export interface ReportsInPacs {
  readonly reports: readonly SavedReport[];
  /** What could not be listed, retrieved or read, one line each. */
  readonly problems: readonly string[];
}

export async function reportsInPacs(pacs: PacsConfig, label: string, studyInstanceUid: string): Promise<ReportsInPacs> {
  const listed = await listInstances(pacs, studyInstanceUid);
  if (!listed.ok) return { reports: [], problems: [`The saved reports of this study could not be listed: ${listed.error.message}`] };
  const reports: SavedReport[] = [];
  const problems: string[] = [];
  for (const i of listed.value.filter((x) => x.sopClassUid === COMPREHENSIVE_SR_SOP_CLASS)) {
    const got = await retrieveInstance(pacs, { study: studyInstanceUid, series: i.seriesInstanceUid, instance: i.sopInstanceUid });
    if (!got.ok) {
      problems.push(`A report in ${label} could not be retrieved: ${got.error.message}`);
      continue;
    }
    const read = await readSavedReport(new Uint8Array(got.value), `the PACS (${label})`);
    if (read.ok) reports.push(read.value);
    else problems.push(`Report ${i.sopInstanceUid}: ${read.error.message}`);
  }
  return { reports, problems };
}
