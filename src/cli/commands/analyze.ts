import { parseArgs } from 'node:util';
import {
  analyzeFinding,
  CALIBRATION_WORDS,
  draft,
  describeCalibration,
  parseChange,
  parseComposition,
  parseDistribution,
  parseHistory,
  parseList,
  parseMorphology,
  unwrap,
  type FindingAnalysis,
  type FindingRequest,
  type Overrides,
} from '../../core/index.js';
import { UsageError, printable, type CliIo } from '../io.js';
import { parsePoint, parseRect } from '../parse-point.js';
import { readImage } from '../read-image.js';

/**
 * `calcscribe analyze FILE --at X,Y …`: measure the clicked calcifications (and those inside
 * --roi), describe them, suggest an assessment and its wording.
 */
export async function runAnalyze(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      at: { type: 'string', multiple: true },
      roi: { type: 'string' },
      history: { type: 'string' },
      change: { type: 'string' },
      composition: { type: 'string' },
      nipple: { type: 'string' },
      morphology: { type: 'string' },
      distribution: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one FILE');
  const seeds = (values.at ?? []).map((a) => parsePoint(a, '--at'));
  const roi = values.roi === undefined ? null : parseRect(values.roi, '--roi');
  if (seeds.length === 0 && roi === null) throw new UsageError('analyze needs at least one --at X,Y or a --roi X0,Y0,X1,Y1');
  const request: FindingRequest = {
    seeds,
    roi,
    nipple: values.nipple === undefined ? null : parsePoint(values.nipple, '--nipple'),
    history: unwrap(parseHistory(values.history === undefined ? undefined : parseJson(values.history, '--history'))),
    change: unwrap(parseChange(values.change ?? 'no-priors')),
    composition: unwrap(parseComposition(values.composition)),
    overrides: overridesFrom(values.morphology, values.distribution),
  };
  const image = await readImage(positionals[0] as string);
  const analysis = unwrap(analyzeFinding(image, request));
  io.stdout(values.json ? `${JSON.stringify(analysisJson(analysis))}\n` : analysisText(analysis, describeCalibration(image.calibration, image)));
  return 0;
}

function overridesFrom(morphology: string | undefined, distribution: string | undefined): Overrides {
  const o: { morphology?: Overrides['morphology']; distribution?: Overrides['distribution'] } = {};
  if (morphology !== undefined) o.morphology = unwrap(parseList(morphology.split(','), 'morphology', parseMorphology));
  if (distribution !== undefined) o.distribution = unwrap(parseList(distribution.split(','), 'distribution', parseDistribution));
  return o;
}

function parseJson(text: string, option: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${option} is not valid JSON`);
  }
}

/** The `analyze --json` contract; `draft` is the finding's one-image draft (portableDraft), what `calcscribe report` writes the SR from. */
export function analysisJson(a: FindingAnalysis): unknown {
  return {
    calibration: a.calibration,
    calcifications: a.calcifications.map((c) => ({
      x: c.x,
      y: c.y,
      longAxisMm: c.longAxisMm,
      shortAxisMm: c.shortAxisMm,
      areaMm2: c.areaMm2,
      longAxisPx: c.longAxisPx,
      shortAxisPx: c.shortAxisPx,
      morphology: c.morphology,
      confidence: round(c.confidence),
      evidence: c.evidence,
    })),
    group: {
      count: a.group.count,
      extentMm: a.group.extentMm,
      morphology: a.group.morphology,
      distribution: a.group.distribution,
      // A caveat both descriptions state (the image is uncalibrated) is said once.
      evidence: [...new Set([...a.group.morphologyDescription.evidence, ...(a.group.distributionDescription?.evidence ?? [])])],
    },
    location: a.location,
    suggestion: {
      assessment: a.suggestion.assessment,
      management: a.suggestion.management,
      reasons: a.suggestion.reasons,
      differential: a.suggestion.differential,
      overridden: a.suggestion.overridden,
    },
    wording: a.wording,
    warnings: a.warnings,
    leftOutAsTissue: a.leftOutDensities.map((l) => ({ x: l.x, y: l.y, why: l.words })),
    draft: draft.portableDraft(a.draft),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function analysisText(a: FindingAnalysis, calibrationLine: string): string {
  const size = (mmValue: number | null, pxValue: number): string =>
    mmValue === null ? `${pxValue.toFixed(1)} ${CALIBRATION_WORDS.uncalibrated.unit}` : `${mmValue.toFixed(2)} mm`;
  const lines = [
    `Calibration: ${calibrationLine}`,
    '',
    ...a.calcifications.map(
      (c, i) =>
        `#${i + 1} at (${c.x.toFixed(1)}, ${c.y.toFixed(1)}): long axis ${size(c.longAxisMm, c.longAxisPx)}, short axis ${size(
          c.shortAxisMm,
          c.shortAxisPx,
        )} — suggested ${c.morphology[0] ?? 'no term'} (confidence ${c.confidence.toFixed(2)}); ${c.evidence.join('; ')}`,
    ),
    '',
    `Finding: ${a.group.count === 1 ? 'a single calcification' : `${a.group.count} calcifications`}${
      a.group.extentMm === null || a.group.count === 1 ? '' : `, extent ${a.group.extentMm.toFixed(1)} mm`
    }; morphology ${a.group.morphology.join(', ') || `— (${a.group.morphologyDescription.notCharacterised?.words ?? 'not characterised'})`}; distribution ${
      a.group.distribution.join(', ') || (a.group.count === 1 ? '— (one calcification)' : '—')
    }`,
    // Caveats that hold for every calcification of the finding: once, here, not per calcification.
    ...(a.group.morphologyDescription.caveats ?? []).map((c) => `Caveat: ${c}`),
    `Suggested assessment: BI-RADS ${a.suggestion.assessment} (a suggestion for the radiologist to confirm)`,
    `Management: ${a.suggestion.management}`,
    'Reasons:',
    ...a.suggestion.reasons.map((r) => `  - ${r}`),
    ...(a.suggestion.overridden.length > 0 ? [`Overridden by the radiologist: ${a.suggestion.overridden.join(', ')}`] : []),
    '',
    a.wording,
    ...a.warnings.map((w) => `warning: ${w}`),
  ];
  return `${lines.map(printable).join('\n')}\n`;
}
