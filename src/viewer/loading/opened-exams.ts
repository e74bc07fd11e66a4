/**
 * Files of several patients or examinations opened together: sorted into examinations, one per
 * patient and day of study (studies of one patient on one day hang together, as a split bilateral
 * study does), newest first, each with the patient's next older examination as its prior. The
 * viewer shows the first and lists the others to switch to; images that cannot be hung in the
 * examination shown are named, so nothing is dropped silently.
 */
import type { ExamRole, LoadedExam, LoadedImage } from './exam.js';

export interface OpenedExam {
  /** Unique among the opened examinations: patient and day (or study). */
  readonly key: string;
  readonly patientKey: string;
  /** As shown: "DOE JANE" (name parts joined), or "Patient ID 123" when unnamed. */
  readonly patientLabel: string;
  /** YYYYMMDD of this examination, or null when its files carry no Study Date. */
  readonly date: string | null;
  /** The prior shown with it (the patient's next older examination), or null. */
  readonly priorDate: string | null;
  /** This examination's images as 'current' and its prior's as 'prior'. */
  readonly exam: LoadedExam;
  /** How many images are this examination's own (its prior's not counted). */
  readonly imageCount: number;
}

export interface NotHung {
  readonly fileName: string;
  readonly reason: string;
}

const clean = (s: string | null): string => (s ?? '').trim().replace(/\^+$/, '').replace(/\s+/g, ' ').toUpperCase();

/**
 * Which patient an image belongs to: Patient ID and name together (de-identified files often share
 * a dummy ID, and two different names under one ID must not be merged silently).
 */
export function patientKeyOf(image: LoadedImage): string {
  const id = clean(image.patient.id);
  const name = clean(image.patient.name ?? image.summary.meta.patientName);
  if (id === '' && name === '') return `unidentified:${image.summary.meta.studyInstanceUid ?? image.fileName}`;
  return `id:${id}|name:${name}`;
}

/** "DOE JANE" from the DICOM person name DOE^JANE; the Patient ID when there is no name. */
export function patientLabel(name: string | null, id: string | null): string {
  if (name !== null) {
    const words = name.split('^').filter((s) => s.trim().length > 0).join(' ');
    if (words.length > 0) return words;
  }
  return id !== null ? `Patient ID ${id}` : 'unnamed patient';
}

/** "DOE JANE" from DOE^JANE; the Patient ID when there is no name. */
export function patientLabelOf(image: LoadedImage): string {
  return patientLabel(image.patient.name ?? image.summary.meta.patientName, image.patient.id);
}

/** The examination an image belongs to within its patient: its day of study, else its study, else the file alone. */
function visitKeyOf(image: LoadedImage): string {
  const { studyDate, studyInstanceUid } = image.summary.meta;
  if (studyDate !== null && studyDate !== '') return `date:${studyDate}`;
  return studyInstanceUid !== null ? `study:${studyInstanceUid}` : `file:${image.fileName}`;
}

function withRole(image: LoadedImage, role: ExamRole): LoadedImage {
  return image.role === role ? image : { ...image, role };
}

/**
 * Sorts loaded images into examinations: patients in the order their first file comes (files are
 * in name order), each patient's examinations newest first (undated ones last, without a prior).
 * The refused files go with every examination (they were refused whichever is shown).
 */
export function openedExams(loaded: LoadedExam): OpenedExam[] {
  const patients = new Map<string, Map<string, LoadedImage[]>>();
  for (const image of loaded.images) {
    const p = patientKeyOf(image);
    const visits = patients.get(p) ?? new Map<string, LoadedImage[]>();
    patients.set(p, visits);
    const v = visitKeyOf(image);
    visits.set(v, [...(visits.get(v) ?? []), image]);
  }
  const out: OpenedExam[] = [];
  for (const [patientKey, visits] of patients) {
    const ordered = [...visits.entries()].map(([key, images]) => ({ key, images, date: (images[0] as LoadedImage).summary.meta.studyDate || null }));
    ordered.sort((a, b) => (a.date === null ? (b.date === null ? a.key.localeCompare(b.key) : 1) : b.date === null ? -1 : b.date.localeCompare(a.date)));
    ordered.forEach((visit, i) => {
      const prior = visit.date === null ? undefined : ordered.slice(i + 1).find((o) => o.date !== null && o.date < (visit.date as string));
      const images = [...visit.images.map((im) => withRole(im, 'current')), ...(prior?.images ?? []).map((im) => withRole(im, 'prior'))];
      out.push({
        key: `${patientKey}|${visit.key}`,
        patientKey,
        patientLabel: patientLabelOf(visit.images[0] as LoadedImage),
        date: visit.date,
        priorDate: prior?.date ?? null,
        exam: { source: loaded.source, images, refused: loaded.refused },
        imageCount: visit.images.length,
      });
    });
  }
  return out;
}

/**
 * The images of an examination the hanging cannot show: no hanging position (laterality or view
 * missing or not a screening view), or a second image for a position already taken (the first in
 * file order is shown, as the hanging picks it).
 */
export function notHung(exam: LoadedExam): NotHung[] {
  const out: NotHung[] = [];
  const taken = new Map<string, LoadedImage>();
  for (const image of exam.images) {
    const which = image.role === 'prior' ? 'prior ' : '';
    if (image.slot === null) {
      const { laterality, view } = image.summary.meta;
      out.push({ fileName: image.fileName, reason: `no ${which}hanging position for laterality ${laterality ?? 'unknown'}, view ${view ?? 'unknown'}` });
      continue;
    }
    const key = `${image.role}:${image.slot}`;
    const first = taken.get(key);
    if (first === undefined) taken.set(key, image);
    else out.push({ fileName: image.fileName, reason: `${first.fileName} is shown as the ${which}${image.slot}` });
  }
  return out;
}

/** YYYYMMDD as 2026-03-10 ("date unknown" when absent). */
export function formatDate(d: string | null): string {
  return d === null ? 'date unknown' : /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;
}

/** "DOE JANE, 2026-03-10 (4 images), prior 2024-03-12": an examination as listed. */
export function examLabel(e: OpenedExam): string {
  const prior = e.priorDate === null ? '' : `, prior ${formatDate(e.priorDate)}`;
  return `${e.patientLabel}, ${formatDate(e.date)} (${e.imageCount} image${e.imageCount === 1 ? '' : 's'})${prior}`;
}

/**
 * What the viewer says when files of several examinations were opened together (null for one):
 * how many patients and examinations, which is shown, and where the others are.
 */
export function openedSummary(exams: readonly OpenedExam[], shown: OpenedExam): string | null {
  if (exams.length <= 1) return null;
  const patients = new Set(exams.map((e) => e.patientKey)).size;
  const whose = patients > 1 ? `files of ${patients} patients (${exams.length} examinations)` : `${exams.length} examinations of ${shown.patientLabel}`;
  const prior = shown.priorDate === null ? '' : ` with ${formatDate(shown.priorDate)} as its prior`;
  return `Opened ${whose}: showing ${shown.patientLabel}, ${formatDate(shown.date)}${prior}; switch in the list of opened examinations`;
}
