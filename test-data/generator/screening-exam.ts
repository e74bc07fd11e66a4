/**
 * A screening exam (RCC, LCC, RMLO, LMLO) with a prior two years earlier, for one patient:
 * post-lumpectomy dystrophic calcifications and a suture calcification in the right breast
 * (present and stable on the prior), vascular calcifications in the left breast (stable), and a
 * suspicious grouped fine-pleomorphic finding in the left breast that is new (absent on the prior).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DistributionTerm, MorphologyTerm } from '../../src/core/lexicon.js';
import type { PhantomView, Side } from './breast-model.js';
import type { Phantom } from './generate-phantom.js';
import { generatePhantom } from './generate-phantom.js';
import type { FindingSpec, PatientInfo, PhantomOptions, StudyInfo } from './phantom-options.js';
import { phantomOptions } from './phantom-options.js';
import { hashString } from './random.js';
import { truthJson } from './truth-json.js';
import { uidFor } from './uids.js';

export type ExamRole = 'current' | 'prior';

export interface ExamFindingTruth {
  readonly side: 'right' | 'left';
  readonly groupId: string;
  readonly morphology: MorphologyTerm;
  readonly distribution: DistributionTerm;
  readonly change: 'new' | 'stable';
  readonly presentIn: readonly ExamRole[];
  readonly note: string;
}

export interface ExamImage {
  /** File stem, e.g. "RCC". */
  readonly name: string;
  readonly side: Side;
  readonly view: PhantomView;
  readonly phantom: Phantom;
}

export interface ScreeningExam {
  readonly role: ExamRole;
  readonly study: StudyInfo;
  readonly patientAgeYears: number;
  readonly images: readonly ExamImage[];
}

export interface ScreeningExamSet {
  readonly patient: PatientInfo;
  readonly current: ScreeningExam;
  readonly prior: ScreeningExam;
  readonly findings: readonly ExamFindingTruth[];
}

export interface ScreeningExamOptions {
  readonly seed: number;
  readonly size?: PhantomOptions['size'];
  readonly photometric?: PhantomOptions['photometric'];
  readonly syntax?: PhantomOptions['syntax'];
  /** Transfer syntax of the prior exam's files (archived priors are often compressed); defaults to `syntax`. */
  readonly priorSyntax?: PhantomOptions['syntax'];
}

interface SideFinding {
  readonly side: Side;
  readonly spec: FindingSpec;
  readonly change: 'new' | 'stable';
}

function examFindings(seed: number): SideFinding[] {
  const s = (label: string): number => hashString(`${seed}-${label}`);
  return [
    { side: 'R', change: 'stable', spec: { id: 'R1', morphology: 'dystrophic', distribution: 'grouped', count: 6, seed: s('R1'), groupRadiusMm: 4.8, note: 'post-lumpectomy dystrophic calcifications, stable' } },
    { side: 'R', change: 'stable', spec: { id: 'R2', morphology: 'suture', distribution: 'grouped', count: 1, seed: s('R2'), placeWith: 'R1', note: 'suture calcification at the lumpectomy site' } },
    { side: 'L', change: 'stable', spec: { id: 'L1', morphology: 'vascular', distribution: 'diffuse', count: 2, seed: s('L1'), note: 'vascular calcifications, stable' } },
    { side: 'L', change: 'new', spec: { id: 'L2', morphology: 'fine pleomorphic', distribution: 'grouped', count: 9, seed: s('L2'), note: 'new grouped fine pleomorphic calcifications' } },
  ];
}

const VIEWS: readonly { name: string; side: Side; view: PhantomView }[] = [
  { name: 'RCC', side: 'R', view: 'CC' },
  { name: 'LCC', side: 'L', view: 'CC' },
  { name: 'RMLO', side: 'R', view: 'MLO' },
  { name: 'LMLO', side: 'L', view: 'MLO' },
];

/**
 * Generates the current screening exam and its prior (two years earlier).
 * @example const exam = await generateScreeningExam({ seed: 2026 });
 */
export async function generateScreeningExam(o: ScreeningExamOptions): Promise<ScreeningExamSet> {
  const patient: PatientInfo = { name: 'PHANTOM^SCREENING^A', id: `PH-SCR-${o.seed}`, birthDate: '19651104' };
  const findings = examFindings(o.seed);
  const make = async (role: ExamRole, date: string, age: number): Promise<ScreeningExam> => {
    const study: StudyInfo = {
      studyInstanceUid: uidFor(`exam-${o.seed}-${role}-study`),
      seriesInstanceUid: uidFor(`exam-${o.seed}-${role}-series`),
      date,
      time: '091500',
      accessionNumber: `SCR${o.seed}${role === 'current' ? 'C' : 'P'}`.slice(0, 16),
      description: 'SCREENING MAMMOGRAPHY BILATERAL',
      seriesNumber: 1,
    };
    const images: ExamImage[] = [];
    for (const [i, v] of VIEWS.entries()) {
      const specs = findings
        .filter((f) => f.side === v.side && (role === 'current' || f.change !== 'new'))
        .map((f) => f.spec);
      const phantom = await generatePhantom(phantomOptions({
        seed: o.seed,
        anatomySeed: hashString(`patient-${o.seed}`),
        side: v.side,
        view: v.view,
        size: o.size ?? 'small',
        photometric: o.photometric ?? 'MONOCHROME2',
        syntax: role === 'prior' ? o.priorSyntax ?? o.syntax ?? 'explicit' : o.syntax ?? 'explicit',
        findings: specs,
        patient,
        patientAgeYears: age,
        study: { ...study, instanceNumber: i + 1 },
      }));
      images.push({ name: v.name, side: v.side, view: v.view, phantom });
    }
    return { role, study, patientAgeYears: age, images };
  };
  const current = await make('current', '20260310', 60);
  const prior = await make('prior', '20240312', 58);
  return {
    patient,
    current,
    prior,
    findings: findings.map((f) => ({
      side: f.side === 'R' ? 'right' : 'left',
      groupId: f.spec.id ?? '',
      morphology: f.spec.morphology,
      distribution: f.spec.distribution,
      change: f.change,
      presentIn: f.change === 'new' ? ['current'] : ['current', 'prior'],
      note: f.spec.note ?? '',
    })),
  };
}

/** The exam-level truth document written beside the images (exam.json). */
export function examTruth(exam: ScreeningExamSet): Record<string, unknown> {
  const study = (e: ScreeningExam, folder: string): Record<string, unknown> => ({
    role: e.role,
    studyInstanceUid: e.study.studyInstanceUid,
    date: e.study.date,
    patientAgeYears: e.patientAgeYears,
    images: e.images.map((im) => ({ file: `${folder}${im.name}.dcm`, truth: `${folder}${im.name}.truth.json`, laterality: im.side, view: im.view })),
  });
  return {
    schema: 'calcscribe-phantom-exam/1',
    patient: exam.patient,
    studies: [study(exam.current, ''), study(exam.prior, 'prior/')],
    findings: exam.findings,
  };
}

/**
 * Writes the exam: DIR/RCC.dcm … (current) and DIR/prior/RCC.dcm … with a .truth.json beside each
 * image and DIR/exam.json. Returns the paths written, relative to DIR.
 */
export async function writeExam(dir: string, exam: ScreeningExamSet): Promise<string[]> {
  const written: string[] = [];
  for (const [e, folder] of [[exam.current, ''], [exam.prior, 'prior/']] as const) {
    await mkdir(join(dir, folder), { recursive: true });
    for (const im of e.images) {
      await writeFile(join(dir, `${folder}${im.name}.dcm`), im.phantom.dicom);
      await writeFile(join(dir, `${folder}${im.name}.truth.json`), truthJson(im.phantom.truth));
      written.push(`${folder}${im.name}.dcm`, `${folder}${im.name}.truth.json`);
    }
  }
  await writeFile(join(dir, 'exam.json'), `${JSON.stringify(examTruth(exam), null, 2)}\n`);
  written.push('exam.json');
  return written;
}
