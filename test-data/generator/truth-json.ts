/** Truth as JSON text: indented, with each outline point kept on one line to stay small. */
export function truthJson(value: unknown): string {
  return `${JSON.stringify(value, null, 1).replace(/\{\s*"x": (-?[\d.e+-]+),\s*"y": (-?[\d.e+-]+)\s*\}/g, '{"x":$1,"y":$2}')}\n`;
}
