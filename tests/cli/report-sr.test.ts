/**
 * The structured report from the shell, with the built command line (bin/calcscribe.js):
 * `exam --json > f.json; report f.json --sr a.dcm; read-sr a.dcm --json` gives back the same
 * calcifications with the same sizes (the same report JSON), the SR passes dciodvfy and dsrdump,
 * an amendment names its predecessor, and what is not such an SR or report is refused with
 * exit 2 and one line.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCalcificationSr } from '../../src/core/report/sr/index.js';
import { dsrdump, expectValidSr } from '../core/report/sr/sr-tree.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built command line, run from the project folder (environment without an observer setting unless given). */
function calcscribe(args: string[], env: Record<string, string> = {}): Run {
  const { CALCSCRIBE_OBSERVER: _unset, ...rest } = process.env;
  const r = spawnSync(process.execPath, [join(root, 'bin/calcscribe.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...rest, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: string[], env: Record<string, string> = {}): Run {
  const r = calcscribe(args, env);
  if (r.code !== 0) throw new Error(`calcscribe ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r;
}

/** Exit 2 and exactly one line on stderr, naming the command. */
function refused(args: string[], env: Record<string, string> = {}): string {
  const r = calcscribe(args, env);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  return r.stderr;
}

const expectValid = (path: string): void => void expectValidSr(path);

type Report = { findings: { count: number; size: { min: number; max: number; unit: string } }[]; draft: { calcifications: { measurements: { longAxis: { mm: number | null } } }[] }; warnings: string[] };

let examJson: string;
const path = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'calcscribe-report-'));
  if (!readFileSync(join(root, 'dist/cli/main.js'), 'utf8').includes('runReport')) throw new Error('dist/cli/ is out of date: run `npm run build`');
  examJson = ok(['exam', 'test-data/sample', '--json']).stdout;
  writeFileSync(path('f.json'), examJson);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('calcscribe report and read-sr', () => {
  it('round-trips the sample exam: the same calcifications, the same sizes, the same report JSON', () => {
    const written = ok(['report', path('f.json'), '--sr', path('a.dcm'), '--text', path('a.txt'), '--observer', 'Dr Ada Reader']);
    expect(written.stdout).toBe('');
    expect(written.stderr).toMatch(/^wrote .*a\.dcm \(SOP Instance UID 2\.25\.\d+\)\n$/);
    const back = ok(['read-sr', path('a.dcm'), '--json']).stdout;
    const a = JSON.parse(examJson) as Report;
    const b = JSON.parse(back) as Report;
    expect(b.findings.map((f) => [f.count, f.size])).toEqual(a.findings.map((f) => [f.count, f.size]));
    expect(b.draft.calcifications.map((c) => c.measurements.longAxis.mm)).toEqual(a.draft.calcifications.map((c) => c.measurements.longAxis.mm));
    expect(a.draft.calcifications.length).toBe(40);
    // Nothing else differs either: the same bytes (neither the exam nor the SR has warnings).
    expect(back).toBe(examJson);
    // --text: the report as `exam` prints it; read-sr without --json prints it after who reported and when.
    const text = ok(['exam', 'test-data/sample']).stdout;
    expect(readFileSync(path('a.txt'), 'utf8')).toBe(text);
    const shown = ok(['read-sr', path('a.dcm')]).stdout;
    expect(shown).toMatch(/^Structured report 2\.25\.\d+, reported by Dr Ada Reader, on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n\n/);
    expect(shown.endsWith(text)).toBe(true);
  });

  it('writes an SR that dciodvfy accepts without errors and dsrdump parses, with the images\' header and the time now', () => {
    const before = Date.now();
    ok(['report', path('f.json'), '--sr', path('v.dcm')], { CALCSCRIBE_OBSERVER: 'Reader^Ada' });
    expectValid(path('v.dcm'));
    const r = readCalcificationSr(new Uint8Array(readFileSync(path('v.dcm'))));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.observer.name).toBe('Reader^Ada');
    const when = Date.parse(r.value.contentDateTime ?? '');
    expect(when).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(when).toBeLessThanOrEqual(Date.now());
    const dump = dsrdump(path('v.dcm')).text;
    // From the sample's own header (dcmdump test-data/sample/RCC.dcm), read by ingest, carried by exam --json.
    expect(dump).toMatch(/PHANTOM\^SCREENING\^A/);
    const header = spawnSync('dcmdump', ['+P', '0008,0050', '+P', '0020,0010', '+P', '0010,0040', '+P', '0008,0030', path('v.dcm')], { encoding: 'utf8' }).stdout;
    expect(header).toMatch(/\(0008,0050\) SH \[SCR2026C\]/);
    expect(header).toMatch(/\(0020,0010\) SH \[SCR2026C\]/);
    expect(header).toMatch(/\(0010,0040\) CS \[F\]/);
    expect(header).toMatch(/\(0008,0030\) TM \[091500\]/);
  });

  it('writes an amendment as a new instance naming its predecessor, nothing overwritten', () => {
    ok(['report', path('f.json'), '--sr', path('first.dcm'), '--observer', 'Dr Ada Reader']);
    const firstBytes = readFileSync(path('first.dcm'));
    ok(['report', path('f.json'), '--sr', path('second.dcm'), '--observer', 'Dr Bo Second', '--amends', path('first.dcm')]);
    expect(readFileSync(path('first.dcm')).equals(firstBytes)).toBe(true);
    expectValid(path('second.dcm'));
    const first = readCalcificationSr(new Uint8Array(firstBytes));
    const second = readCalcificationSr(new Uint8Array(readFileSync(path('second.dcm'))));
    if (!first.ok || !second.ok) throw new Error('an SR could not be read back');
    expect(first.value.predecessor).toBeNull();
    expect(second.value.predecessor).toEqual(first.value.instance);
    expect(second.value.instance.sopInstanceUid).not.toBe(first.value.instance.sopInstanceUid);
    expect(second.value.instance.studyInstanceUid).toBe(first.value.instance.studyInstanceUid);
    expect(ok(['read-sr', path('second.dcm')]).stdout).toMatch(new RegExp(`reported by Dr Bo Second, on [^,]+, amending ${first.value.instance.sopInstanceUid.replace(/\./g, '\\.')}\n`));
  });

  it('refuses to amend a report of another study (the prior exam\'s SR), naming both studies, writing nothing', () => {
    // The prior exam with one click, on the centre of its first drawn calcification (RCC.truth.json).
    mkdirSync(path('prior'));
    for (const view of ['RCC', 'RMLO', 'LCC', 'LMLO']) copyFileSync(join(root, `test-data/sample/prior/${view}.dcm`), path(`prior/${view}.dcm`));
    const truth = JSON.parse(readFileSync(join(root, 'test-data/sample/prior/RCC.truth.json'), 'utf8')) as { calcifications: { outline: { x: number; y: number }[] }[] };
    const outline = truth.calcifications[0]?.outline ?? [];
    const at = [outline.reduce((a, p) => a + p.x, 0) / outline.length, outline.reduce((a, p) => a + p.y, 0) / outline.length];
    writeFileSync(path('prior/annotations.json'), JSON.stringify({ findings: [{ views: [{ image: 'RCC.dcm', at: [at] }] }] }));
    writeFileSync(path('prior.json'), ok(['exam', path('prior'), '--json']).stdout);
    ok(['report', path('prior.json'), '--sr', path('prior.dcm'), '--observer', 'Dr Ada Reader']);
    const prior = readCalcificationSr(new Uint8Array(readFileSync(path('prior.dcm'))));
    if (!prior.ok) throw new Error('the prior SR could not be read back');
    ok(['report', path('f.json'), '--sr', path('current.dcm'), '--observer', 'Dr Ada Reader']);
    const read = readCalcificationSr(new Uint8Array(readFileSync(path('current.dcm'))));
    if (!read.ok) throw new Error('the current SR could not be read back');
    const current = read.value.instance.studyInstanceUid;
    expect(prior.value.instance.studyInstanceUid).not.toBe(current);
    const message = refused(['report', path('f.json'), '--sr', path('cross.dcm'), '--observer', 'X', '--amends', path('prior.dcm')]);
    expect(message).toContain(`the report it amends is of another study (${prior.value.instance.studyInstanceUid}), not this one (${current})`);
    expect(() => readFileSync(path('cross.dcm'))).toThrow();
  }, 120_000);

  it('names the installation as the device with the same Device Observer UID in every SR when CALCSCRIBE_DEVICE_UID is set; refuses one that is not a UID', () => {
    const device = '2.25.271828182845904523536028747135266249775';
    ok(['report', path('f.json'), '--sr', path('d1.dcm'), '--observer', 'Dr Ada Reader'], { CALCSCRIBE_DEVICE_UID: device });
    ok(['report', path('f.json'), '--sr', path('d2.dcm'), '--observer', 'Dr Ada Reader'], { CALCSCRIBE_DEVICE_UID: device });
    for (const f of ['d1.dcm', 'd2.dcm']) {
      const dump = spawnSync('dsrdump', [path(f)], { encoding: 'utf8' }).stdout;
      expect(dump).toContain(`UIDREF:(,,"Device Observer UID")="${device}"`);
    }
    expect(refused(['report', path('f.json'), '--sr', path('d3.dcm'), '--observer', 'Dr Ada Reader'], { CALCSCRIBE_DEVICE_UID: 'my-workstation' })).toMatch(/Device Observer UID "my-workstation" is not a DICOM UID/);
  });

  it('writes the SR of an analyze --json output (one finding on one image)', () => {
    const analysis = ok(['analyze', 'test-data/sample/LCC.dcm', '--at', '362.1,503.6', '--at', '368.1,490.8', '--at', '449.9,499.5', '--json']).stdout;
    writeFileSync(path('one.json'), analysis);
    ok(['report', path('one.json'), '--sr', path('one.dcm'), '--observer', 'Dr Ada Reader']);
    expectValid(path('one.dcm'));
    const back = JSON.parse(ok(['read-sr', path('one.dcm'), '--json']).stdout) as Report;
    const a = JSON.parse(analysis) as { calcifications: { longAxisMm: number }[]; group: { count: number } };
    expect(back.findings.map((f) => f.count)).toEqual([a.group.count]);
    expect(back.draft.calcifications.map((c) => Math.round((c.measurements.longAxis.mm ?? NaN) * 1000) / 1000)).toEqual(a.calcifications.map((c) => c.longAxisMm));
  });

  it('refuses what is not a calcscribe SR: exit 2, one line', () => {
    expect(refused(['read-sr', 'test-data/sample/annotations.json'])).toMatch(/^calcscribe read-sr: test-data\/sample\/annotations\.json: not a DICOM file/);
    expect(refused(['read-sr', 'test-data/sample/RCC.dcm'])).toMatch(/not a Comprehensive SR: SOP Class UID 1\.2\.840\.10008\.5\.1\.4\.1\.1\.1\.2, modality MG/);
    ok(['report', path('f.json'), '--sr', path('whole.dcm'), '--observer', 'X']);
    const whole = readFileSync(path('whole.dcm'));
    for (const fraction of [0.1, 0.5, 0.9]) {
      writeFileSync(path('cut.dcm'), whole.subarray(0, Math.floor(whole.length * fraction)));
      expect(refused(['read-sr', path('cut.dcm')])).toMatch(/^calcscribe read-sr: .*cut\.dcm: /);
    }
    // Another template: the Template Identifier (0040,DB00) CS "1500" of the written SR replaced by "2000".
    const other = Buffer.from(whole);
    const element = Buffer.from([0x40, 0x00, 0x00, 0xdb, 0x43, 0x53, 0x04, 0x00, 0x31, 0x35, 0x30, 0x30]);
    const at = other.indexOf(element);
    expect(at).toBeGreaterThan(0);
    other.write('2000', at + 8);
    writeFileSync(path('other.dcm'), other);
    expect(refused(['read-sr', path('other.dcm')])).toMatch(/not a Measurement Report \(TID 1500\): template 2000/);
    expect(refused(['read-sr', path('nothing-here.dcm')])).toMatch(/cannot read .*nothing-here\.dcm: no such file/);
  });

  it('refuses a findings file changed by hand or not a report, and a report without its observer or output', () => {
    const doc = JSON.parse(examJson) as { findings: { size: { max: number } }[] };
    (doc.findings[0] as { size: { max: number } }).size.max = 0.1;
    writeFileSync(path('hand.json'), JSON.stringify(doc));
    expect(refused(['report', path('hand.json'), '--sr', path('x.dcm'), '--observer', 'X'])).toMatch(/changed by hand\?\): findings\[0\]\.size\.max is 0\.1/);
    writeFileSync(path('broken.json'), examJson.slice(0, 500));
    expect(refused(['report', path('broken.json'), '--sr', path('x.dcm'), '--observer', 'X'])).toMatch(/broken\.json: not valid JSON/);
    expect(refused(['report', 'test-data/sample/annotations.json', '--sr', path('x.dcm'), '--observer', 'X'])).toMatch(/not a calcscribe exam report: no "examKey"/);
    expect(refused(['report', path('f.json'), '--sr', path('x.dcm')])).toMatch(/needs the radiologist's name for the SR: --observer NAME \(or CALCSCRIBE_OBSERVER\)/);
    expect(refused(['report', path('f.json'), '--observer', 'X'])).toMatch(/needs --sr OUT\.dcm/);
    expect(refused(['report', path('f.json'), '--sr', path('x.dcm'), '--observer', 'X', '--amends', 'test-data/sample/RCC.dcm'])).toMatch(/--amends test-data\/sample\/RCC\.dcm: not a Comprehensive SR/);
    expect(() => readFileSync(path('x.dcm'))).toThrow();
  });
});
