/** docs/structured-report.md lists every private code the SR writes, with its meaning. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SR_CALIBRATION_CODES, SR_PRIVATE_CODES } from '../../../../src/core/codes.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/structured-report.md', import.meta.url)), 'utf8');

describe('docs/structured-report.md', () => {
  it('lists every private code with its meaning', () => {
    const missing = [...Object.values(SR_PRIVATE_CODES), ...Object.values(SR_CALIBRATION_CODES)].filter((c) => !doc.includes(c.value) || !doc.includes(c.meaning));
    expect(missing.map((c) => `${c.value} "${c.meaning}"`)).toEqual([]);
  });
});
