/**
 * Bidirectional-text controls (embeddings, overrides, isolates and the invisible marks). Plan
 * names refuse C0/C1 controls, but these are format characters: "R\u202E1-kcar" would draw as
 * another name. Shown escaped, a name always reads as the characters it holds. Pure text, so the
 * UI and the report (HTML, Markdown) show plan text the same way; the CLI has inertText.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every bidi control shown as a visible `⟨U+202E⟩`; everything else unchanged. */
export function displayName(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/** `text` cut to at most `maxChars` characters with an ellipsis, so a long name never covers its neighbours. */
export function truncateName(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}
