/**
 * `calcscribe phantom --out DIR [options]`: writes deterministic phantoms with truth JSON.
 * The CLI calls runPhantomCommand; it returns an exit code (0 ok, 2 bad arguments, 1 failure).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DistributionTerm, MorphologyTerm } from '../../src/core/lexicon.js';
import { isDistributionTerm, isMorphologyTerm, MORPHOLOGY_TERMS } from '../../src/core/lexicon.js';
import type { PhantomView, Side } from './breast-model.js';
import { generatePhantom } from './generate-phantom.js';
import type { FindingSpec, PhantomOptions, TransferSyntaxChoice } from './phantom-options.js';
import { DEFAULT_PATIENT, phantomOptions } from './phantom-options.js';
import { generateScreeningExam, writeExam } from './screening-exam.js';
import { truthJson } from './truth-json.js';

export interface PhantomCommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

export const PHANTOM_USAGE = `usage: calcscribe phantom --out DIR [--seed N] [--view CC|MLO|ML] [--side R|L]
       [--size small|full|ROWSxCOLUMNS] [--photometric MONOCHROME1|MONOCHROME2] [--syntax explicit|implicit|jpeg-ls]
       [--calcifications TERM,...] [--count N] [--distribution TERM] [--bits 12-16]
       [--pixel-spacing] [--magnification] [--hostile-name] [--exam [--prior-syntax SYNTAX]]
  --exam writes a screening exam (RCC, LCC, RMLO, LMLO) and its prior to DIR instead of one image.`;

/** The distribution each morphology is drawn with unless --distribution says otherwise. */
export const DEFAULT_DISTRIBUTION: Record<MorphologyTerm, DistributionTerm> = {
  skin: 'grouped',
  vascular: 'diffuse',
  coarse: 'diffuse',
  'large rod-like': 'segmental',
  round: 'grouped',
  punctate: 'grouped',
  rim: 'diffuse',
  dystrophic: 'regional',
  'milk of calcium': 'grouped',
  suture: 'grouped',
  amorphous: 'grouped',
  'coarse heterogeneous': 'grouped',
  'fine pleomorphic': 'grouped',
  'fine linear': 'linear',
  'fine-linear branching': 'segmental',
};

/** Deposits per finding unless --count says otherwise (a vessel or duct cast is one deposit of several particles). */
export function defaultCount(term: MorphologyTerm): number {
  if (term === 'vascular' || term === 'suture') return 2;
  if (term === 'fine linear' || term === 'fine-linear branching' || term === 'coarse' || term === 'rim') return 3;
  if (term === 'large rod-like' || term === 'dystrophic') return 5;
  return 8;
}

export const HOSTILE_PATIENT_NAME = '<img src=x onerror=alert(1)>^"; DROP TABLE--';

type Parsed = { ok: true; options: PhantomOptions; out: string; exam: boolean; priorSyntax: TransferSyntaxChoice } | { ok: false; message: string };

const FLAGS_WITH_VALUE = new Set(['--out', '--seed', '--view', '--side', '--size', '--photometric', '--syntax', '--calcifications', '--count', '--distribution', '--bits', '--prior-syntax']);
const BOOLEAN_FLAGS = new Set(['--pixel-spacing', '--magnification', '--hostile-name', '--exam']);

/** Parses the command's arguments into phantom options (pure; no file access). */
export function parsePhantomArgs(args: readonly string[]): Parsed {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (BOOLEAN_FLAGS.has(a)) { flags.add(a); continue; }
    if (!FLAGS_WITH_VALUE.has(a)) return { ok: false, message: `unknown argument: ${a}` };
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) return { ok: false, message: `${a} needs a value` };
    values.set(a, v);
    i++;
  }
  const out = values.get('--out');
  if (out === undefined || out === '') return { ok: false, message: '--out DIR is required' };
  const seedText = values.get('--seed') ?? '1';
  if (!/^\d{1,10}$/.test(seedText) || Number(seedText) > 0xffffffff) return { ok: false, message: `--seed must be an integer 0–4294967295, got ${seedText}` };
  const view = values.get('--view') ?? 'CC';
  if (view !== 'CC' && view !== 'MLO' && view !== 'ML') return { ok: false, message: `--view must be CC, MLO or ML, got ${view}` };
  const side = values.get('--side') ?? 'R';
  if (side !== 'R' && side !== 'L') return { ok: false, message: `--side must be R or L, got ${side}` };
  const sizeText = values.get('--size') ?? 'small';
  const custom = /^(\d{2,4})x(\d{2,4})$/.exec(sizeText);
  if (sizeText !== 'small' && sizeText !== 'full' && custom === null) return { ok: false, message: `--size must be small, full or ROWSxCOLUMNS (64–4096), got ${sizeText}` };
  const size: PhantomOptions['size'] = custom === null ? (sizeText as 'small' | 'full') : { rows: Number(custom[1]), columns: Number(custom[2]) };
  if (typeof size === 'object' && (size.rows < 64 || size.columns < 64 || size.rows > 4096 || size.columns > 4096)) return { ok: false, message: `--size must be small, full or ROWSxCOLUMNS (64–4096), got ${sizeText}` };
  const priorSyntax = values.get('--prior-syntax') ?? values.get('--syntax') ?? 'explicit';
  if (priorSyntax !== 'explicit' && priorSyntax !== 'implicit' && priorSyntax !== 'jpeg-ls') return { ok: false, message: `--prior-syntax must be explicit, implicit or jpeg-ls, got ${priorSyntax}` };
  const photometric = values.get('--photometric') ?? 'MONOCHROME2';
  if (photometric !== 'MONOCHROME1' && photometric !== 'MONOCHROME2') return { ok: false, message: `--photometric must be MONOCHROME1 or MONOCHROME2, got ${photometric}` };
  const syntax = values.get('--syntax') ?? 'explicit';
  if (syntax !== 'explicit' && syntax !== 'implicit' && syntax !== 'jpeg-ls') return { ok: false, message: `--syntax must be explicit, implicit or jpeg-ls, got ${syntax}` };
  let bits: number | undefined;
  const bitsText = values.get('--bits');
  if (bitsText !== undefined) {
    bits = Number(bitsText);
    if (!Number.isInteger(bits) || bits < 12 || bits > 16) return { ok: false, message: `--bits must be 12–16, got ${bitsText}` };
  }
  let count: number | undefined;
  const countText = values.get('--count');
  if (countText !== undefined) {
    count = Number(countText);
    if (!/^\d+$/.test(countText) || count < 1 || count > 200) return { ok: false, message: `--count must be 1–200, got ${countText}` };
  }
  const distText = values.get('--distribution');
  if (distText !== undefined && !isDistributionTerm(distText)) return { ok: false, message: `--distribution must be one of diffuse, regional, grouped, linear, segmental; got ${distText}` };
  const terms = (values.get('--calcifications') ?? 'fine pleomorphic').split(',').map((t) => t.trim()).filter((t) => t !== '');
  const findings: FindingSpec[] = [];
  for (const t of terms) {
    if (!isMorphologyTerm(t)) return { ok: false, message: `unknown calcification term: ${t} (known: ${MORPHOLOGY_TERMS.join(', ')})` };
    findings.push({ morphology: t, distribution: (distText as DistributionTerm | undefined) ?? DEFAULT_DISTRIBUTION[t], count: count ?? defaultCount(t) });
  }
  if (view === 'ML' && !findings.some((f) => f.morphology === 'milk of calcium') && values.get('--calcifications') === undefined) {
    findings.splice(0, findings.length, { morphology: 'milk of calcium', distribution: 'grouped', count: count ?? 8 });
  }
  const options = phantomOptions({
    seed: Number(seedText),
    view: view as PhantomView,
    side: side as Side,
    size,
    photometric,
    syntax: syntax as TransferSyntaxChoice,
    pixelSpacingGeometry: flags.has('--pixel-spacing'),
    magnification: flags.has('--magnification'),
    findings,
    ...(bits !== undefined ? { bitsStored: bits } : {}),
    ...(flags.has('--hostile-name') ? { patient: { ...DEFAULT_PATIENT, name: HOSTILE_PATIENT_NAME } } : {}),
  });
  return { ok: true, options, out, exam: flags.has('--exam'), priorSyntax: priorSyntax as TransferSyntaxChoice };
}

/** File stem for one phantom: phantom-<seed>-<side><view>. */
export function phantomFileStem(o: PhantomOptions): string {
  return `phantom-${o.seed}-${o.side}${o.view}`;
}

/** Runs `calcscribe phantom`. */
export async function runPhantomCommand(args: string[], io: PhantomCommandIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${PHANTOM_USAGE}\n`);
    return 0;
  }
  const parsed = parsePhantomArgs(args);
  if (!parsed.ok) {
    io.stderr(`calcscribe phantom: ${parsed.message}\n${PHANTOM_USAGE}\n`);
    return 2;
  }
  try {
    await mkdir(parsed.out, { recursive: true });
    if (parsed.exam) {
      const o = parsed.options;
      const exam = await generateScreeningExam({ seed: o.seed, size: o.size, photometric: o.photometric, syntax: o.syntax, priorSyntax: parsed.priorSyntax });
      const written = await writeExam(parsed.out, exam);
      for (const w of written) io.stdout(`${join(parsed.out, w)}\n`);
      return 0;
    }
    const p = await generatePhantom(parsed.options);
    const stem = phantomFileStem(parsed.options);
    await writeFile(join(parsed.out, `${stem}.dcm`), p.dicom);
    await writeFile(join(parsed.out, `${stem}.truth.json`), truthJson(p.truth));
    io.stdout(`${join(parsed.out, `${stem}.dcm`)}\n${join(parsed.out, `${stem}.truth.json`)}\n`);
    return 0;
  } catch (e) {
    io.stderr(`calcscribe phantom: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
