/**
 * Patient age in years: Patient's Age (0010,1010) as an AS value ("056Y", "006M", "010W",
 * "020D"), else whole years between Patient's Birth Date (0010,0030) and the study date.
 */
const AS_UNITS: Readonly<Record<string, number>> = { Y: 1, M: 12, W: 52.1775, D: 365.25 };

/** Parses an Age String; null for anything that is not nnnY / nnnM / nnnW / nnnD. */
export function parseAgeString(as: string | null): number | null {
  const m = as === null ? null : /^(\d{1,3})([YMWD])$/i.exec(as.trim());
  if (m === null) return null;
  const per = AS_UNITS[(m[2] as string).toUpperCase()] as number;
  return Number(m[1]) / per;
}

function parseDate(da: string | null): { y: number; m: number; d: number } | null {
  const m = da === null ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(da.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { y, m: mo, d } : null;
}

/** Whole years from birth date to study date (both YYYYMMDD), or null. */
export function ageFromDates(birthDate: string | null, studyDate: string | null): number | null {
  const b = parseDate(birthDate);
  const s = parseDate(studyDate);
  if (b === null || s === null) return null;
  let years = s.y - b.y;
  if (s.m < b.m || (s.m === b.m && s.d < b.d)) years -= 1;
  return years >= 0 && years < 150 ? years : null;
}

/** Age in years from the age string, else from the dates. */
export function patientAgeYears(age: string | null, birthDate: string | null, studyDate: string | null): number | null {
  return parseAgeString(age) ?? ageFromDates(birthDate, studyDate);
}
