/**
 * Where reference-line labels go so that none covers another: above the plot, in rows. Pure
 * (no DOM) so the layout is unit-tested apart from the marks that draw it.
 */

/** Average glyph width of the 10.5 px chart font, px per character (system-ui digits and lower case). */
export const CHAR_PX = 6.2;

export interface RuleLabelIn {
  /** The rule's position on the x axis, px from the plot's left edge. */
  px: number;
  text: string;
}

export interface RuleLabelOut {
  /** Where the text is anchored, px from the plot's left edge. */
  x: number;
  anchor: 'start' | 'end';
  /** 0 is the row nearest the plot; each further row sits one line higher. */
  row: number;
  /** The label's extent, px: [left, right]. */
  span: [number, number];
}

/**
 * Places each label beside its rule (right of it, or left when it would run past `widthPx`),
 * in the lowest row where it overlaps no label placed before it. Labels are placed left to right.
 * Example: rules at 100 px ("guidance: 100 nodes") and 112 px ("this plan") land in rows 0 and 1.
 */
export function placeRuleLabels(rules: readonly RuleLabelIn[], widthPx: number, gapPx = 4): RuleLabelOut[] {
  const order = rules.map((r, i) => ({ r, i })).sort((a, b) => a.r.px - b.r.px);
  const rows: [number, number][][] = [];
  const out: RuleLabelOut[] = new Array(rules.length);
  for (const { r, i } of order) {
    const w = r.text.length * CHAR_PX;
    const fitsRight = r.px + 3 + w <= widthPx;
    const anchor = fitsRight ? 'start' : 'end';
    const x = fitsRight ? r.px + 3 : r.px - 3;
    const span: [number, number] = fitsRight ? [x, x + w] : [x - w, x];
    let row = 0;
    while (rows[row]?.some(([a, b]) => span[0] < b + gapPx && a < span[1] + gapPx)) row += 1;
    (rows[row] ??= []).push(span);
    out[i] = { x, anchor, row, span };
  }
  return out;
}

/** How many label rows `placeRuleLabels` used (0 for none). */
export const labelRows = (placed: readonly RuleLabelOut[]): number => placed.reduce((m, p) => Math.max(m, p.row + 1), 0);

/**
 * Where a bar's value label goes: just past the bar's end when there is room, else inside it
 * (right-aligned), so a near-zero bar still shows its value and a full-width bar keeps its label
 * in the plot. `endPx` is the bar's end, px from the plot's left edge.
 */
export function barLabelPlacement(endPx: number, text: string, widthPx: number): { x: number; anchor: 'start' | 'end'; inside: boolean } {
  const w = text.length * CHAR_PX + 4;
  if (endPx + w <= widthPx) return { x: endPx + 3, anchor: 'start', inside: false };
  return { x: endPx - 3, anchor: 'end', inside: true };
}
