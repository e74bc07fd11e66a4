/**
 * Offers text or bytes as a file download through a Blob URL (no server round trip): the findings
 * panel's text and JSON exports, and the standalone viewer's SR file.
 */
export function downloadFile(fileName: string, content: string | Uint8Array, mimeType: string): void {
  // Bytes are copied out: a view into a larger buffer gives its own bytes only.
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? content : content.slice().buffer], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name safe on every system, from an exam key, e.g. "calcscribe-2.25.123.txt". */
export function exportFileName(examKey: string, extension: 'txt' | 'json' | 'dcm'): string {
  const safe = examKey.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 80) || 'exam';
  return `calcscribe-${safe}.${extension}`;
}
