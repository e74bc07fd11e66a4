/**
 * Memory of the Chromium this process started: the proportional set size (PSS, shared pages
 * divided between the processes sharing them) summed over every Chromium process below this
 * Node process (browser, GPU, renderers, their workers), read from /proc (Linux only).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

function isChromium(pid: number): boolean {
  try {
    return /chrom/i.test(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return false;
  }
}

function pssBytes(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** PSS of all Chromium processes descending from this process, in bytes, and how many there are. */
export function chromiumMemory(): { bytes: number; processes: number } {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const parents = new Map(pids.map((p) => [p, parentOf(p)]));
  const below = (pid: number): boolean => {
    for (let p = parents.get(pid) ?? null, depth = 0; p !== null && p > 1 && depth < 64; p = parents.get(p) ?? null, depth++) if (p === process.pid) return true;
    return false;
  };
  let bytes = 0;
  let processes = 0;
  for (const pid of pids) {
    if (pid === process.pid || !below(pid) || !isChromium(pid)) continue;
    bytes += pssBytes(pid);
    processes++;
  }
  return { bytes, processes };
}
