import { readFileSync } from 'node:fs';

/** calcscribe's version, from its package.json (the folder above the running file's, whichever build runs). */
export function calcscribeVersion(): string {
  for (let url = new URL('./package.json', import.meta.url), i = 0; i < 6; i++, url = new URL('../package.json', url)) {
    try {
      const pkg = JSON.parse(readFileSync(url, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'calcscribe' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: one folder up
    }
  }
  return 'unknown';
}
