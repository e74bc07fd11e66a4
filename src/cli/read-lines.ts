/**
 * Splits a stream of chunks into lines (\n or \r\n), without holding the whole input. The lines
 * of each chunk come together, so a caller awaits once per chunk rather than once per line (a
 * 200,000-line batch is then 200,000 plain loop turns, not 200,000 promise round trips).
 */
export async function* readLineBatches(input: AsyncIterable<string | Uint8Array>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lines: string[] = [];
    let start = 0;
    let nl = rest.indexOf('\n', start);
    while (nl !== -1) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      lines.push(rest.slice(start, end));
      start = nl + 1;
      nl = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
    if (lines.length > 0) yield lines;
  }
  rest += decoder.decode();
  if (rest.length > 0) yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

