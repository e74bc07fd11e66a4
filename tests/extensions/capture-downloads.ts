/**
 * jsdom has no 2-D canvas and no object URLs: a download the panel offers (a Blob behind an object
 * URL, an anchor clicked) is kept here instead, with the file name the anchor gave it.
 */
export interface CapturedDownloads {
  readonly downloads: { name: string; blob: Blob }[];
  restore(): void;
}

export function captureDownloads(): CapturedDownloads {
  const realCreate = URL.createObjectURL;
  const realRevoke = URL.revokeObjectURL;
  const realClick = HTMLAnchorElement.prototype.click;
  const downloads: { name: string; blob: Blob }[] = [];
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  URL.createObjectURL = (blob: Blob | MediaSource): string => {
    if (!(blob instanceof Blob)) throw new Error('not a Blob');
    downloads.push({ name: '', blob });
    return `blob:download-${downloads.length}`;
  };
  URL.revokeObjectURL = (): void => undefined;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement): void {
    const last = downloads.at(-1);
    if (last !== undefined && this.href === `blob:download-${downloads.length}`) last.name = this.download;
  };
  return {
    downloads,
    restore: () => {
      URL.createObjectURL = realCreate;
      URL.revokeObjectURL = realRevoke;
      HTMLAnchorElement.prototype.click = realClick;
    },
  };
}
