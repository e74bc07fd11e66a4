/** Looking into an SR dataset in the tests: content items by concept, and dcmtk's dsrdump. */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { PRIVATE_SCHEME, type CodedConcept } from '../../../../src/core/codes.js';
import type { ContentItem } from '../../../../src/core/report/sr/index.js';
import { dciodvfy } from '../../../test-data/dicom-tools.js';

export type Item = ContentItem;

const is = (code: CodedConcept) => (i: Item): boolean => {
  const n = i.ConceptNameCodeSequence?.[0];
  return n !== undefined && n.CodeValue === code.value && n.CodingSchemeDesignator === code.scheme;
};

/** The direct children of an item (or of the root dataset) with this concept name. */
export function childrenNamed(parent: { readonly ContentSequence?: unknown }, code: CodedConcept): Item[] {
  return ((parent.ContentSequence ?? []) as Item[]).filter(is(code));
}

/** The one child with this concept name; throws when there is not exactly one. */
export function childNamed(parent: { readonly ContentSequence?: unknown }, code: CodedConcept): Item {
  const found = childrenNamed(parent, code);
  if (found.length !== 1) throw new Error(`expected one "${code.meaning}", found ${found.length}`);
  return found[0] as Item;
}

/** The coded value of a CODE item. */
export function valueCode(item: Item): { value: string; scheme: string; meaning: string } {
  const c = (item['ConceptCodeSequence'] as { CodeValue: string; CodingSchemeDesignator: string; CodeMeaning: string }[])[0];
  if (c === undefined) throw new Error('not a CODE item');
  return { value: c.CodeValue, scheme: c.CodingSchemeDesignator, meaning: c.CodeMeaning };
}

export const sameCode = (item: Item, code: CodedConcept): boolean => {
  const v = valueCode(item);
  return v.value === code.value && v.scheme === code.scheme;
};

/** The number and unit of a NUM item. */
export function numOf(item: Item): { value: number; unit: string } {
  const mv = (item['MeasuredValueSequence'] as { NumericValue: number; MeasurementUnitsCodeSequence: { CodeValue: string }[] }[])[0];
  if (mv === undefined) throw new Error('not a NUM item');
  return { value: Number(mv.NumericValue), unit: mv.MeasurementUnitsCodeSequence[0]?.CodeValue ?? '' };
}

export interface DsrDump {
  readonly status: number | null;
  readonly text: string;
  /** dcmtk's error and fatal lines (E: / F:). */
  readonly problems: readonly string[];
}

/** dcmtk's dsrdump of a file (it parses the SR tree and checks Comprehensive SR's relationship rules). */
export function dsrdump(path: string, options: readonly string[] = []): DsrDump {
  const found = spawnSync('sh', ['-c', 'command -v dsrdump'], { encoding: 'utf8' });
  if (found.status !== 0) throw new Error('dsrdump is not installed: install the Debian package dcmtk (or run scripts/ensure-tools.sh)');
  const r = spawnSync(found.stdout.trim(), ['--print-long-values', ...options, path], { encoding: 'utf8' });
  const text = `${r.stdout}\n${r.stderr}`;
  return { status: r.status, text, problems: text.split('\n').filter((l) => /^[EF]: /.test(l)) };
}

/** The only dciodvfy warnings our SRs may carry; each is listed and justified in docs/structured-report.md. */
export const ACCEPTED_WARNINGS: readonly RegExp[] = [new RegExp(`^Warning - Unrecognized defined term <${PRIVATE_SCHEME}> for value 1 of attribute <Coding Scheme Designator>$`)];

/**
 * The real validators on an SR file: dciodvfy finds no error and no warning outside
 * ACCEPTED_WARNINGS, and dsrdump parses the tree without an error. Returns the dump for further checks.
 */
export function expectValidSr(path: string): DsrDump {
  const report = dciodvfy(path);
  expect(report.errors).toEqual([]);
  expect(report.warnings.filter((w) => !ACCEPTED_WARNINGS.some((a) => a.test(w)))).toEqual([]);
  const dump = dsrdump(path);
  expect(dump.problems).toEqual([]);
  expect(dump.status).toBe(0);
  return dump;
}
