/**
 * A real PACS for the network tests: Orthanc with its DICOMweb plugin (Debian `orthanc`,
 * `orthanc-dicomweb`, installed by scripts/ensure-tools.sh), started and stopped by the tests
 * themselves, with its storage in a temporary folder that is removed afterwards.
 *
 * Orthanc has no bind-address setting: it listens on every interface. Run as root, it is started
 * in a network namespace of its own joined to this one by a veth pair on a private /30, so nothing
 * outside this machine can reach it; otherwise it runs on this machine's interfaces with remote
 * access refused and is reached on 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unusedPort } from './unused-port.js';

export const ORTHANC_BINARY = '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';

export interface OrthancServer {
  /** Orthanc's REST root, e.g. http://10.231.4.2:8042 */
  readonly baseUrl: string;
  /** The DICOMweb root (QIDO-RS, WADO-RS, STOW-RS), e.g. http://10.231.4.2:8042/dicom-web */
  readonly dicomWebUrl: string;
  /** How it is kept private: its own network namespace, or this machine's loopback. */
  readonly isolation: 'network-namespace' | 'loopback';
  /** What Orthanc wrote to its log so far. */
  log(): string;
  /** Stops Orthanc and removes its storage (and its namespace). Safe to call twice. */
  stop(): Promise<void>;
}

const run = (cmd: string, args: readonly string[]): { ok: boolean; stderr: string } => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, stderr: r.stderr ?? '' };
};

interface Namespace {
  readonly name: string;
  readonly hostAddress: string;
  readonly orthancAddress: string;
}

/** A network namespace linked to this one by a veth pair on a /30 of 10.231.0.0/16; null when it cannot be made. */
function makeNamespace(): Namespace | null {
  if (process.getuid?.() !== 0) return null;
  if (!run('ip', ['-V']).ok) return null;
  for (let attempt = 0; attempt < 8; attempt++) {
    const idx = Math.floor(Math.random() * 16384);
    const name = `calcscribe-pacs-${idx}`;
    const third = idx >> 6;
    const fourth = (idx & 63) * 4;
    const host = `10.231.${third}.${fourth + 1}`;
    const orthanc = `10.231.${third}.${fourth + 2}`;
    if (!run('ip', ['netns', 'add', name]).ok) continue;
    const steps: [string, string[]][] = [
      ['ip', ['link', 'add', `csh${idx}`, 'type', 'veth', 'peer', 'name', `cso${idx}`]],
      ['ip', ['link', 'set', `cso${idx}`, 'netns', name]],
      ['ip', ['addr', 'add', `${host}/30`, 'dev', `csh${idx}`]],
      ['ip', ['link', 'set', `csh${idx}`, 'up']],
      ['ip', ['netns', 'exec', name, 'ip', 'addr', 'add', `${orthanc}/30`, 'dev', `cso${idx}`]],
      ['ip', ['netns', 'exec', name, 'ip', 'link', 'set', `cso${idx}`, 'up']],
      ['ip', ['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up']],
    ];
    if (steps.every(([c, a]) => run(c, a).ok)) return { name, hostAddress: host, orthancAddress: orthanc };
    run('ip', ['link', 'del', `csh${idx}`]);
    run('ip', ['netns', 'del', name]);
  }
  return null;
}

/** Starts Orthanc with DICOMweb, waits until it answers, and returns where it is. */
export async function startOrthanc(options: { readonly startTimeoutMs?: number } = {}): Promise<OrthancServer> {
  const dir = mkdtempSync(join(tmpdir(), 'calcscribe-orthanc-'));
  const ns = makeNamespace();
  const port = ns === null ? await unusedPort() : 8042;
  const config = {
    Name: 'calcscribe-test-pacs',
    HttpPort: port,
    RemoteAccessAllowed: ns !== null,
    AuthenticationEnabled: false,
    DicomServerEnabled: false,
    StorageDirectory: join(dir, 'storage'),
    IndexDirectory: join(dir, 'index'),
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
  };
  writeFileSync(join(dir, 'orthanc.json'), JSON.stringify(config, null, 2));
  const logPath = join(dir, 'orthanc.log');
  const logFd = openSync(logPath, 'a');
  const argv = [ORTHANC_BINARY, join(dir, 'orthanc.json')];
  const child: ChildProcess =
    ns === null ? spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', logFd, logFd] }) : spawn('ip', ['netns', 'exec', ns.name, ...argv], { stdio: ['ignore', logFd, logFd] });
  const address = ns === null ? '127.0.0.1' : ns.orthancAddress;
  const baseUrl = `http://${address}:${port}`;
  let stopped = false;
  const cleanUp = (): void => {
    if (ns !== null) run('ip', ['netns', 'del', ns.name]);
    rmSync(dir, { recursive: true, force: true });
  };
  const onExit = (): void => {
    if (!stopped) child.kill('SIGKILL');
    cleanUp();
  };
  process.once('exit', onExit);
  const log = (): string => {
    try {
      return readFileSync(logPath, 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    cleanUp();
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      const text = log();
      await stop();
      throw new Error(`Orthanc exited at start (code ${child.exitCode}):\n${text.slice(-2000)}`);
    }
    try {
      const r = await fetch(`${baseUrl}/system`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`Orthanc did not answer within ${options.startTimeoutMs ?? 30_000} ms:\n${text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { baseUrl, dicomWebUrl: `${baseUrl}/dicom-web`, isolation: ns === null ? 'loopback' : 'network-namespace', log, stop };
}
