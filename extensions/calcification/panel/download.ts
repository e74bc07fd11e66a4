/** Offers text as a file download through a Blob URL (no server round trip). */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const blob = new Blob([text], { type: mimeType });
  const url = URL.createObjectURL(blob);
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
export function exportFileName(examKey: string, extension: 'txt' | 'json'): string {
  const safe = examKey.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 80) || 'exam';
  return `calcscribe-${safe}.${extension}`;
}
