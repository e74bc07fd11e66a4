/**
 * The comparison exam's date for the report, from the study dates of the prior images loaded:
 * the newest one, as YYYY-MM-DD (the report names the comparison by its date: ACR BI-RADS Atlas
 * 5th ed., Mammography, Reporting System, Report organization).
 */

/** "20240312" or "2024-03-12" → "2024-03-12"; anything else → null. */
export function isoDate(d: string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(d.trim());
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * The date of the most recent prior among the loaded prior images' study dates (DICOM DA
 * "YYYYMMDD" or ISO); null when none has a readable date.
 * @example comparisonDateOf(['20240312', '20220301']) // '2024-03-12'
 */
export function comparisonDateOf(studyDates: readonly (string | null | undefined)[]): string | null {
  const dates = studyDates.map(isoDate).filter((d): d is string => d !== null).sort();
  return dates[dates.length - 1] ?? null;
}
