/** Plan text as HTML text: the five characters HTML gives meaning to, as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * Plan text as Markdown text on one line: line breaks become spaces (a name must not end a table
 * row or start a heading); the characters that open emphasis, code, links, images, HTML, entities
 * or table cells anywhere are backslash-escaped (CommonMark lets any ASCII punctuation be
 * escaped), and so is a leading `#`, `+`, `-` or `1.` that would start a heading or a list. A plan
 * cannot inject links, images, HTML or table cells into a ticket.
 */
export function escapeMarkdown(text: string): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_{}[\]|<>~&]/g, (c) => `\\${c}`);
  return line.replace(/^(\s*)([#+-]|\d+[.)])/, '$1\\$2');
}
