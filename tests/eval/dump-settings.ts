/**
 * Diagnostic: generates the per-setting phantoms of a subset of acquisition settings and writes
 * every group's clicked calcifications' measurements (with the setting, the view and the truth
 * term) to a JSON file, so the describe rules can be re-scored per setting without regenerating
 * the images (rescore-settings.ts).
 *
 *   node --import tsx tests/eval/dump-settings.ts --out /tmp/s.json [--detector ffdm] [--pixel 0.05] [--seed 500000]
 */
import { writeFileSync } from 'node:fs';
import { generatePhantom } from '../../test-data/generator/index.js';
import { acquisitionSettings, casesForSetting, settingName, SETTINGS_BASE_SEED } from './acquisition-settings.js';
import { scorePhantom } from './score-image.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = arg('--out') ?? '/tmp/settings.json';
const detector = arg('--detector');
const pixel = arg('--pixel');
const baseSeed = Number(arg('--seed') ?? SETTINGS_BASE_SEED);
const rows: unknown[] = [];
const all = acquisitionSettings();
for (const [i, s] of all.entries()) {
  if (detector !== undefined && s.detector !== detector) continue;
  if (pixel !== undefined && s.pixelMm !== Number(pixel)) continue;
  for (const c of casesForSetting(s, i, baseSeed)) {
    const score = await scorePhantom(await generatePhantom(c.options), c.label);
    for (const g of score.groups) {
      rows.push({
        setting: settingName(s),
        pixelMm: s.pixelMm,
        label: c.label,
        morphology: g.morphology,
        count: g.count,
        view: g.view,
        suggested: g.suggestedMorphology,
        calcifications: g.measurements,
      });
    }
  }
  process.stdout.write(`\r${settingName(s)}            `);
}
writeFileSync(out, JSON.stringify(rows));
process.stdout.write(`\nwrote ${out} (${rows.length} groups)\n`);
