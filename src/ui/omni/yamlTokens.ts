/** The kinds of text the YAML preview colours. */
export type YamlTokenKind = 'key' | 'punct' | 'string' | 'number' | 'literal' | 'comment' | 'doc' | 'space';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

/**
 * Splits YAML text into lines of coloured tokens for the preview: document markers, keys, list
 * dashes and colons, comments, block-scalar bodies, and scalars by type. A highlighter, not a
 * parser: it never fails, and joining every token's text gives back the input line for line, so
 * the preview shows exactly the downloaded text (rendered as text nodes, never as HTML).
 */
export function yamlTokens(text: string): YamlToken[][] {
  const lines = text.split('\n');
  const out: YamlToken[][] = [];
  // Indentation of the line that opened a block scalar (`|`, `>`); deeper lines are its body.
  let blockIndent = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) {
      out.push(line ? [{ kind: 'string', text: line }] : []);
      continue;
    }
    blockIndent = -1;
    const tokens: YamlToken[] = [];
    if (/^(---|\.\.\.)\s*$/.test(line)) {
      out.push([{ kind: 'doc', text: line }]);
      continue;
    }
    let rest = line;
    const push = (kind: YamlTokenKind, t: string) => {
      if (t) tokens.push({ kind, text: t });
    };
    const lead = /^\s*/.exec(rest)![0];
    push('space', lead);
    rest = rest.slice(lead.length);
    let dash: RegExpExecArray | null;
    while ((dash = /^-(\s+|$)/.exec(rest))) {
      push('punct', '-');
      push('space', dash[1]);
      rest = rest.slice(dash[0].length);
    }
    const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^:#]*?)(\s*)(:)(\s+|$)/.exec(rest);
    if (key) {
      push('key', key[1]);
      push('space', key[2]);
      push('punct', ':');
      push('space', key[4]);
      rest = rest.slice(key[0].length);
    }
    const comment = /(^|\s)#.*$/.exec(rest);
    const value = comment ? rest.slice(0, comment.index + comment[1].length) : rest;
    const trailing = comment ? rest.slice(comment.index + comment[1].length) : '';
    const v = value.trimEnd();
    const gap = value.slice(v.length);
    if (/^[|>][-+0-9]*$/.test(v)) {
      push('punct', v);
      blockIndent = indent;
    } else if (/^-?(\d[\d_]*(\.\d+)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\.inf|\.nan)$/.test(v)) push('number', v);
    else if (/^(true|false|null|~|True|False|Null|TRUE|FALSE|NULL)$/.test(v)) push('literal', v);
    else push('string', v);
    push('space', gap);
    push('comment', trailing);
    out.push(tokens);
  }
  return out;
}
