// @vitest-environment jsdom
/**
 * The one file download of both hosts (the findings panel's exports, the viewer's SR file): the
 * file offered has the name, type and exact content given, bytes as well as text.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../extensions/calcification/panel/download.js';

const offered: { name: string; blob: Blob; url: string }[] = [];

function watchDownloads(): void {
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    if (!(b instanceof Blob)) throw new Error('not a Blob');
    const url = `blob:test-${blobs.size + 1}`;
    blobs.set(url, b);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob === undefined) throw new Error(`clicked a link to ${this.href}, not to an offered file`);
    offered.push({ name: this.download, blob, url: this.href });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  offered.length = 0;
});

describe('downloadFile', () => {
  it('offers text with its name and type', async () => {
    watchDownloads();
    downloadFile('calcscribe-2.25.1.txt', 'Grouped amorphous calcifications.', 'text/plain;charset=utf-8');
    expect(offered.map((o) => o.name)).toEqual(['calcscribe-2.25.1.txt']);
    expect(offered[0]?.blob.type).toBe('text/plain;charset=utf-8');
    expect(await offered[0]?.blob.text()).toBe('Grouped amorphous calcifications.');
  });

  it('offers the bytes of a view into a larger buffer, and only those', async () => {
    watchDownloads();
    const whole = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
    const view = whole.subarray(128, 260);
    downloadFile('calcscribe-sr-2.25.2.dcm', view, 'application/dicom');
    const got = new Uint8Array(await (offered[0]?.blob as Blob).arrayBuffer());
    expect(offered[0]?.name).toBe('calcscribe-sr-2.25.2.dcm');
    expect(offered[0]?.blob.type).toBe('application/dicom');
    expect([...got]).toEqual([...view]);
  });

  it('leaves no link behind and lets the object URL go once the download started', async () => {
    watchDownloads();
    downloadFile('a.json', '{}', 'application/json');
    expect(document.querySelectorAll('a').length).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith(offered[0]?.url);
  });
});
