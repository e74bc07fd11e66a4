/** The phantom generator's public API. */
export { generatePhantom, quantise } from './generate-phantom.js';
export type { Phantom } from './generate-phantom.js';
export { phantomOptions, DEFAULT_PATIENT, TRANSFER_SYNTAX_UIDS } from './phantom-options.js';
export type { FindingSpec, PatientInfo, PhantomOptions, StudyInfo, TransferSyntaxChoice } from './phantom-options.js';
export { generateScreeningExam, writeExam, examTruth } from './screening-exam.js';
export type { ExamFindingTruth, ScreeningExam, ScreeningExamSet } from './screening-exam.js';
export { runPhantomCommand, parsePhantomArgs, HOSTILE_PATIENT_NAME } from './command.js';
export { decodeJpegLs, encodeJpegLs } from './jpeg-ls.js';
export type { CalcificationTruth, GroupTruth, LocationTruth, PhantomTruth } from './truth.js';
