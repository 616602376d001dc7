/** Browsers refuse canvases much beyond 16k pixels a side or ~250 M pixels in all; stay well inside. */
export const MAX_SIDE_PX = 16_000;
export const MAX_AREA_PX = 120_000_000;

/**
 * Node names are drawn 9 px tall at 1×; below this scale they come out under ~7 px, which few
 * can read (and such tiny text made the 4,096 px export of 5,000 nodes slower than 1×: 8 s, not
 * 6 s), so a smaller export leaves the names out (marks and colours only) and says so.
 */
export const READABLE_SCALE = 0.75;

/** Below this scale rack names come out under 5.5 px: an overview drops them too and gives their band to row names. */
export const OVERVIEW_SCALE = 0.5;

/**
 * The file-size estimate, fitted to the sample elevations' PNGs (test/e2e/elevationExport.spec.ts
 * logs them): at 1× with names, about 0.12 bytes per pixel (0.08-0.20 over the samples; 2.25 MiB
 * for the 5,000-node plan's 20.8 M pixels); with names, size grows as scale^1.37 (2× was 2.4-2.6
 * times 1×: edges and text compress worse than fills); marks alone grow linearly with scale and
 * weigh about 0.64 of the named drawing at the same scale. Within ±50 % on every sample: an
 * estimate to choose by, which the dialog calls "about", never a promise.
 */
export const PNG_BYTES_PER_PX_AT_1X = 0.12;
const NAMES_EXPONENT = 1.37;
const MARKS_SHARE = 0.64;

/** About how many bytes the PNG of a `widthPx` × `heightPx` (at 1×) elevation takes at `scale`, with or without names. */
export function estimatePngBytes(widthPx: number, heightPx: number, scale: number, names: boolean): number {
  const at1x = widthPx * heightPx * PNG_BYTES_PER_PX_AT_1X;
  return Math.round(at1x * (names ? scale ** NAMES_EXPONENT : MARKS_SHARE * scale));
}

/** One resolution the elevation PNG can be exported at. */
export interface PngChoice {
  id: string;
  label: string;
  /** Output pixels per elevation pixel. */
  scale: number;
  widthPx: number;
  heightPx: number;
  /** Whether node names are drawn (large enough to read). */
  names: boolean;
  /** Whether rack names are drawn; below OVERVIEW_SCALE only row names are, enlarged to read. */
  rackNames: boolean;
  estimatedBytes: number;
}

const TARGETS: { id: string; label: string; longSidePx?: number; scale?: number }[] = [
  { id: 'long-1024', label: 'Thumbnail: long side 1,024 px', longSidePx: 1024 },
  { id: 'long-2048', label: 'Ticket: long side 2,048 px', longSidePx: 2048 },
  { id: 'long-4096', label: 'Poster: long side 4,096 px', longSidePx: 4096 },
  { id: 'full', label: 'Full size (1×): every name readable', scale: 1 },
  { id: 'sharp', label: 'Sharp (2×): for zooming in or printing', scale: 2 },
];

/**
 * The PNG resolutions offered for an elevation of `widthPx` × `heightPx` (its size at 1×): long
 * sides of 1,024, 2,048 and 4,096 px where that shrinks the drawing, full size and twice full
 * size, within the browser's canvas limits, smallest first. Choices that come out the same size
 * as a smaller one are dropped, so the list grows strictly (a 3-rack plan gets 1× and 2×).
 */
export function pngChoices(widthPx: number, heightPx: number): PngChoice[] {
  const long = Math.max(widthPx, heightPx);
  const limit = Math.min(2, MAX_SIDE_PX / widthPx, MAX_SIDE_PX / heightPx, Math.sqrt(MAX_AREA_PX / (widthPx * heightPx)));
  const all = TARGETS.map((t): PngChoice => {
    const scale = Math.min(limit, t.scale ?? t.longSidePx! / long);
    const w = Math.max(1, Math.round(widthPx * scale));
    const h = Math.max(1, Math.round(heightPx * scale));
    const names = scale >= READABLE_SCALE;
    return {
      id: t.id,
      label: t.label,
      scale,
      widthPx: w,
      heightPx: h,
      names,
      rackNames: scale >= OVERVIEW_SCALE,
      estimatedBytes: estimatePngBytes(widthPx, heightPx, scale, names),
    };
  });
  // A long side that needs enlarging is left to 1× and 2×: a fractional enlargement blurs every
  // edge and made bigger files than 2× on the samples (enterprise: 417 KiB at 1.7×, 309 KiB at 2×).
  const useful = all.filter((c) => c.scale <= 1 || c.id === 'sharp');
  // Smallest first; a choice the same size as the one before it (capped at 2×) is the same file.
  return useful.sort((x, y) => x.scale - y.scale).filter((c, i, list) => i === 0 || c.widthPx * c.heightPx > list[i - 1].widthPx * list[i - 1].heightPx);
}

/** The choice to preselect: the largest whose names are readable within 4,096 px a side, else the 4,096 px one. */
export function defaultPngChoice(choices: readonly PngChoice[]): PngChoice {
  const fits = choices.filter((c) => Math.max(c.widthPx, c.heightPx) <= 4096);
  return fits.filter((c) => c.names).at(-1) ?? fits.at(-1) ?? choices[0];
}
