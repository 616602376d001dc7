import type { RowLabel } from './rackLayout';

/** Screen size below which a row label is dropped rather than drawn unreadably small, px. */
export const MIN_LABEL_SCREEN_PX = 8;
/** The size row labels keep on screen while there is room, px (the canvas scales them up as the view zooms out). */
export const LABEL_SCREEN_PX = 11;

/** A row label placed for one zoom: its baseline and size in world px, and the text cut to fit its column. */
export interface PlacedRowLabel {
  id: string;
  text: string;
  /** The full text, for a tooltip when `text` was cut. */
  fullText: string;
  x: number;
  baseline: number;
  fontPx: number;
  /** The text's box in world px (for overlap checks). */
  box: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * Row labels for the overview at zoom `k` (screen px per world px). A label would keep
 * `LABEL_SCREEN_PX` on screen, but it must fit the free band between the row above and its own
 * racks (the band's height less the rack frame and a margin), so at low zoom it shrinks to the
 * band; once the band would make it smaller than `MIN_LABEL_SCREEN_PX` on screen it is dropped
 * (the caller says so). Text wider than the row's column is cut with an ellipsis; `textWidth`
 * measures a string at a font size (canvas measureText, or an estimate in tests).
 */
export function placeRowLabels(rows: readonly RowLabel[], k: number, textWidth: (text: string, fontPx: number) => number): PlacedRowLabel[] {
  const placed: PlacedRowLabel[] = [];
  for (const row of rows) {
    const fontPx = rowLabelFontPx(row, k);
    if (fontPx === null) continue;
    const baseline = row.racksTop - 4 - 0.25 * fontPx;
    const text = fitText(row.text, row.maxWidth, (t) => textWidth(t, fontPx));
    if (!text) continue;
    placed.push({
      id: row.id,
      text,
      fullText: row.text,
      x: row.x,
      baseline,
      fontPx,
      box: { x0: row.x, y0: baseline - 0.85 * fontPx, x1: row.x + textWidth(text, fontPx), y1: baseline + 0.25 * fontPx },
    });
  }
  return placed;
}

/**
 * The size of a row's label at zoom `k`, world px, or null when it would be under
 * `MIN_LABEL_SCREEN_PX` on screen. The text (cap height plus descent, about 1.1 of the size)
 * must fit the band between the racks above and its own, less their frames (2 px each) and
 * a 2 px margin on each side.
 */
export function rowLabelFontPx(row: Pick<RowLabel, 'bandTop' | 'racksTop'>, k: number): number | null {
  const room = row.racksTop - row.bandTop - 8;
  const fontPx = Math.min(LABEL_SCREEN_PX / k, room / 1.1);
  return fontPx * k < MIN_LABEL_SCREEN_PX ? null : fontPx;
}

/** `text`, or its longest prefix plus "…" that is at most `maxWidth` wide; empty when not even "…" fits. */
function fitText(text: string, maxWidth: number, width: (t: string) => number): string {
  if (width(text) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Binary search on the prefix length: measureText is the cost, not the loop.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (width(`${chars.slice(0, mid).join('')}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${chars.slice(0, lo).join('')}…`;
}
