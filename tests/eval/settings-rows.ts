/**
 * The rows dump-settings.ts writes (one per group: its setting, truth term and the clicked
 * calcifications' measurements) and their re-scoring with the describe rules, as the eval scores
 * them: morphology macro-averaged over the scored terms of each setting's groups; solitary
 * calcifications apart.
 */
import { readFileSync } from 'node:fs';
import { chosenTerms, describeCalcifications, type CalcificationMeasurements } from '../../src/core/index.js';
import type { MorphologyDescription } from '../../src/core/describe/description.js';
import { MORPHOLOGY_TERMS, type MorphologyTerm } from '../../src/core/lexicon.js';
import type { MammoView } from '../../src/core/image.js';
import { NOT_SEPARABLE_ON_ONE_VIEW } from './cases.js';
import { confusion, macroAccuracy, type Confusion } from './confusion.js';

/** What the recipe drew for one calcification of the group (dump-settings.ts writes it). */
export interface DrawnCalcification {
  readonly longAxisMm: number;
  readonly shortAxisMm: number;
  readonly areaMm2: number;
  readonly peakContrast: number;
}

export interface SettingRow {
  readonly setting: string;
  readonly pixelMm: number;
  readonly label: string;
  readonly morphology: MorphologyTerm;
  readonly count: number;
  readonly view: MammoView | null;
  readonly suggested: MorphologyTerm | 'none' | null;
  readonly calcifications: CalcificationMeasurements[];
  /** Absent in dumps written before it was added. */
  readonly truth?: DrawnCalcification[];
}

export function readRows(files: readonly string[]): SettingRow[] {
  return files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as SettingRow[]);
}

/** The group's term by the describe rules on its measurements ('none' without one), with the description. */
export function rescoreRow(r: SettingRow): { term: MorphologyTerm | 'none'; described: MorphologyDescription | null } {
  const described = r.calcifications.length === 0 ? null : describeCalcifications(r.calcifications, { view: r.view });
  return { term: described === null ? 'none' : (chosenTerms(described)[0] ?? 'none'), described };
}

/** Whether a group counts towards the setting's morphology score (not solitary, a term one view separates). */
export const isScoredGroup = (r: SettingRow): boolean => r.count > 1 && !NOT_SEPARABLE_ON_ONE_VIEW.has(r.morphology);

export interface SettingScore {
  readonly morph: Confusion<MorphologyTerm | 'none'>;
  /** "truth→suggested" of each missed group, then "solitary truth→suggested". */
  readonly misses: string[];
  solitary: number;
  solitaryOk: number;
  /** Morphology, macro-averaged over the scored terms (NaN until rows are added). */
  accuracy: number;
}

/** Per setting (in the rows' order): the morphology score and the misses. */
export function scoreSettings(rows: readonly SettingRow[]): Map<string, SettingScore> {
  const bySetting = new Map<string, SettingScore>();
  for (const r of rows) {
    const s = bySetting.get(r.setting) ?? { morph: confusion<MorphologyTerm | 'none'>(), misses: [], solitary: 0, solitaryOk: 0, accuracy: NaN };
    bySetting.set(r.setting, s);
    const { term } = rescoreRow(r);
    if (r.count === 1) {
      s.solitary++;
      if (term === r.morphology) s.solitaryOk++;
      else s.misses.push(`solitary ${r.morphology}→${term}`);
      continue;
    }
    s.morph.add(r.morphology, term);
    if (term !== r.morphology && !NOT_SEPARABLE_ON_ONE_VIEW.has(r.morphology)) s.misses.push(`${r.morphology}→${term}`);
  }
  for (const s of bySetting.values()) {
    const scored = MORPHOLOGY_TERMS.filter((t) => !NOT_SEPARABLE_ON_ONE_VIEW.has(t) && s.morph.rowTotal(t) > 0);
    s.accuracy = macroAccuracy(s.morph, scored);
  }
  return bySetting;
}
