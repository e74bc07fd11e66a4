/**
 * `calcscribe store` and `calcscribe fetch`, the built command line against a real Orthanc (through
 * the fault-injecting proxy where a fault or the headers sent are checked): every file stored or
 * fetched, a clear line per failed file, exit codes 0 / 2, the Authorization header sent but never
 * printed, and nothing written outside the output folder whatever the server names its instances.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { isQido, isStow, startFaultProxy, type FaultProxy } from '../pacs/fault-proxy.js';
import { startOrthanc, type OrthancServer } from '../pacs/orthanc.js';
import { unusedPort } from '../pacs/unused-port.js';
import { CURRENT_FILES, PRIOR_FILES, part10Facts, readPart10 } from '../pacs/sample-exams.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/calcscribe.js`;
const TOKEN = 'Bearer s3cret-token-for-the-pacs';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line without blocking this process (the proxy answers from here). */
function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  if (!existsSync(`${root}dist/cli/main.js`)) throw new Error('dist/cli/ is missing: run `npm run build` (npm test does it first)');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let pacs: OrthancServer;
let proxy: FaultProxy;
const tmp: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'calcscribe-fetch-'));
  tmp.push(d);
  return d;
};

beforeAll(async () => {
  pacs = await startOrthanc();
  proxy = await startFaultProxy(pacs.dicomWebUrl);
});
afterAll(async () => {
  await proxy?.stop();
  await pacs?.stop();
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

const rel = (p: string): string => p.slice(root.length);
const current = CURRENT_FILES.map(rel);
const prior = PRIOR_FILES.map(rel);
const studyUid = part10Facts(readPart10(CURRENT_FILES[0]!)).studyInstanceUid;

describe('calcscribe store', () => {
  it('stores the exam and its prior: one line per file, exit 0; the Authorization header is sent and never printed', async () => {
    const before = proxy.seen.length;
    const r = await run(['store', '--dicomweb', proxy.dicomWebUrl, ...current, ...prior], { CALCSCRIBE_DICOMWEB_AUTHORIZATION: TOKEN });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toEqual([...current, ...prior].map((f) => `stored  ${f}  ${part10Facts(readPart10(join(root, f))).sopInstanceUid}`));
    const requests = proxy.seen.slice(before);
    expect(requests.map((q) => q.method)).toEqual(['POST']); // the 8 files (8 × ≤ 1.7 MB) in one STOW-RS request
    expect(requests.every((q) => q.authorization === TOKEN)).toBe(true);
    expect(r.stdout + r.stderr).not.toContain('s3cret');
  });

  it('a failed file is named with the reason, the others are still stored, exit 2', async () => {
    const r = await run(['store', '--dicomweb', pacs.dicomWebUrl, current[0]!, 'no/such.dcm', 'README.md', current[1]!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      [
        'calcscribe store: no/such.dcm: not stored — cannot read it: no such file',
        'calcscribe store: README.md: not stored — not a DICOM Part 10 file (no DICM marker or no SOP Instance UID in its file meta information); not sent',
        `calcscribe store: 2 of 4 files not stored to ${pacs.dicomWebUrl}`,
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain(`stored  ${current[0]}`);
    expect(r.stdout).toContain(`stored  ${current[1]}`);
  });

  it("the server refuses (HTTP 500 with a reason): each file named with the server's reason, exit 2, no token in the output", async () => {
    proxy.setFault({ kind: 'status', status: 500, statusText: 'Internal Server Error', body: 'disk full', match: isStow });
    try {
      const r = await run(['store', '--dicomweb', proxy.dicomWebUrl, current[2]!, current[3]!], { CALCSCRIBE_DICOMWEB_AUTHORIZATION: TOKEN });
      expect(r.status).toBe(2);
      for (const f of [current[2], current[3]]) {
        expect(r.stderr).toContain(`calcscribe store: ${f}: not stored — cannot store 2 instances: ${proxy.dicomWebUrl} answered HTTP 500 — Internal Server Error: disk full\n`);
      }
      expect(r.stdout + r.stderr).not.toContain('s3cret');
    } finally {
      proxy.setFault(null);
    }
  });

  it("a file stored with the server's warning: stored (exit 0), the warning named on stderr", async () => {
    const uid = part10Facts(readPart10(CURRENT_FILES[0]!)).sopInstanceUid;
    proxy.setFault({
      kind: 'body',
      status: 202,
      contentType: 'application/dicom+json',
      body: JSON.stringify({ '00081199': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: [uid] }, '00081196': { vr: 'US', Value: [0xb000] } }] } }),
      match: isStow,
    });
    try {
      const r = await run(['store', '--dicomweb', proxy.dicomWebUrl, current[0]!]);
      expect(r).toEqual({ status: 0, stdout: `stored  ${current[0]}  ${uid}\n`, stderr: `calcscribe store: ${current[0]}: stored with a warning — 0xB000 coercion of data elements\n` });
    } finally {
      proxy.setFault(null);
    }
  });

  it('a PACS that is down: a clear line per file, exit 2', async () => {
    const url = `http://127.0.0.1:${await unusedPort()}/dicom-web`;
    const r = await run(['store', '--dicomweb', url, current[0]!]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`calcscribe store: ${current[0]}: not stored — cannot store 1 instance: no connection to ${url}`);
  });

  it('--json: one object per file', async () => {
    const r = await run(['store', '--json', '--dicomweb', pacs.dicomWebUrl, current[0]!, 'README.md']);
    expect(r.status).toBe(2);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string });
    expect(rows.map((x) => [x.file, x.status]).sort()).toEqual([
      ['README.md', 'failed'],
      [current[0], 'stored'],
    ]);
  });

  it('bad arguments: exit 2 with one line', async () => {
    expect(await run(['store', current[0]!])).toMatchObject({ status: 2, stderr: 'calcscribe store: --dicomweb URL is required (the DICOMweb root, e.g. http://pacs:8042/dicom-web)\n' });
    expect(await run(['store', '--dicomweb', 'ftp://pacs/x', current[0]!])).toMatchObject({ status: 2, stderr: 'calcscribe store: --dicomweb must be an http:// or https:// address\n' });
    const withPassword = await run(['store', '--dicomweb', 'http://user:pw@pacs/dicom-web', current[0]!]);
    expect(withPassword.status).toBe(2);
    expect(withPassword.stderr).not.toContain('pw@');
  });

  it('draws a progress bar on a terminal for many files, and none otherwise', async () => {
    const files = [...CURRENT_FILES, ...PRIOR_FILES];
    const go = async (terminal: boolean): Promise<{ code: number; stderr: string }> => {
      let stderr = '';
      const code = await main(['store', '--dicomweb', pacs.dicomWebUrl, ...files], {
        stdout: () => undefined,
        stderr: (s) => (stderr += s),
        stdin: Readable.from([]),
        stderrIsTerminal: terminal,
      });
      return { code, stderr };
    };
    const tty = await go(true);
    expect(tty.code).toBe(0);
    const mb = (files.reduce((n, f) => n + readFileSync(f).length, 0) / 1_048_576).toFixed(1);
    expect(tty.stderr).toContain(`\r\u001b[Kstoring [------------------------] 0/8 files, 0.0 of ${mb} MB`);
    expect(tty.stderr).toContain(`\r\u001b[Kstoring [${'#'.repeat(24)}] 8/8 files, ${mb} of ${mb} MB`);
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(await go(false)).toEqual({ code: 0, stderr: '' });
  });
});

describe('calcscribe fetch', () => {
  it('writes every instance of the study as <SOPInstanceUID>.dcm, unchanged pixel data, exit 0', async () => {
    const out = join(tempDir(), 'exam');
    const r = await run(['fetch', '--dicomweb', pacs.dicomWebUrl, '--study', studyUid, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const sent = CURRENT_FILES.map((f) => part10Facts(readPart10(f)));
    expect(readdirSync(out).sort()).toEqual(sent.map((s) => `${s.sopInstanceUid}.dcm`).sort());
    for (const s of sent) {
      const got = part10Facts(readPart10(join(out, `${s.sopInstanceUid}.dcm`)));
      expect(Buffer.compare(Buffer.from(got.pixelData), Buffer.from(s.pixelData))).toBe(0);
    }
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('refuses instance names that are not UIDs (path traversal) and writes nothing outside the folder; the others are written, exit 2', async () => {
    const parent = tempDir();
    const out = join(parent, 'exam');
    proxy.setFault({
      kind: 'rewrite-json',
      match: isQido,
      transform: (json) => {
        const list = json as Record<string, { Value?: unknown[] }>[];
        list[0]!['00080018'] = { Value: ['../../evil'] } as never;
        list[1]!['00080018'] = { Value: ['1.2.3/../../../tmp/x\u001b[2J'] } as never;
        return list;
      },
    });
    try {
      const r = await run(['fetch', '--dicomweb', proxy.dicomWebUrl, '--study', studyUid, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('calcscribe fetch: instance "../../evil": not written — its SOP Instance UID is not a DICOM UID, so it cannot name a file in the output folder\n');
      // the terminal escape the server put in the name is dropped (control characters never pass), not obeyed
      expect(r.stderr).toContain('instance "1.2.3/../../../tmp/x[2J": not written');
      expect(r.stderr).not.toContain('\u001b');
      expect(r.stderr).toContain(`calcscribe fetch: 2 of 4 instances of study ${studyUid} not written`);
      expect(readdirSync(parent)).toEqual(['exam']);
      expect(readdirSync(out)).toHaveLength(2);
      expect(readdirSync(out).every((f) => /^[0-9.]+\.dcm$/.test(f))).toBe(true);
    } finally {
      proxy.setFault(null);
    }
  });

  it('a study the server does not have, a UID that is not one, a PACS that times out: exit 2 with one line', async () => {
    const out = tempDir();
    expect(await run(['fetch', '--dicomweb', pacs.dicomWebUrl, '--study', '1.2.3.4.5.6', '--out', out])).toMatchObject({
      status: 2,
      stderr: 'calcscribe fetch: the server has no instances of study 1.2.3.4.5.6\n',
    });
    expect(await run(['fetch', '--dicomweb', pacs.dicomWebUrl, '--study', '../etc', '--out', out])).toMatchObject({
      status: 2,
      stderr: 'calcscribe fetch: --study ../etc is not a DICOM UID (digits and dots, at most 64 characters)\n',
    });
    proxy.setFault({ kind: 'hang' });
    try {
      const r = await run(['fetch', '--dicomweb', proxy.dicomWebUrl, '--timeout', '1', '--study', studyUid, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`calcscribe fetch: cannot list the instances of study ${studyUid}: ${proxy.dicomWebUrl} did not answer within 1 s\n`);
    } finally {
      proxy.setFault(null);
    }
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the sample files are unchanged by all this', () => {
  it('still read as before', () => {
    expect(readFileSync(CURRENT_FILES[0]!).length).toBe(1705964);
  });
});
