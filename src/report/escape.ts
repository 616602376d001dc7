import { displayName } from '../format/displayName';

/**
 * Plan text as HTML text: the five characters HTML gives meaning to, as entities, and bidi
 * controls shown as `⟨U+202E⟩` so a name in the report cannot draw as another.
 */
export function escapeHtml(text: string): string {
  return displayName(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * Plan text as Markdown text on one line: line breaks become spaces (a name must not end a table
 * row or start a heading); the characters that open emphasis, code, links, images, HTML, entities
 * or table cells anywhere are backslash-escaped (CommonMark lets any ASCII punctuation be
 * escaped), and so is a leading `#`, `+`, `-` or `1.` that would start a heading or a list. A plan
 * cannot inject links, images, HTML or table cells into a ticket. Bidi controls are shown escaped.
 */
export function escapeMarkdown(text: string): string {
  const line = displayName(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]|<>~&]/g, (c) => `\\${c}`);
  return line.replace(/^(\s*)([#+-]|\d+[.)])/, '$1\\$2');
}
