/** The fragment key of a shared plan: `#plan=<payload>` (see src/plan/shareCodec.ts). */
export const SHARE_KEY = 'plan';

/**
 * The longest share link we hand out. Chromium accepts 2 MB URLs and Firefox about 1 MB, but
 * chat tools, mail clients and URL shorteners cut links far shorter; 64 K characters stays within
 * what Firefox and Safari display and most tools pass on unchanged. The compact encoding fits
 * the 5,000-node sample in about half of that.
 */
export const MAX_SHARE_CHARS = 64_000;

export type ShareResult = { ok: true; url: string; chars: number } | { ok: false; reason: string; chars: number };

/** A link that opens the plan `payload` encodes, or why it cannot be shared that way (too long). */
export function shareUrl(payload: string, base: string): ShareResult {
  const url = `${base.split('#')[0]}#${SHARE_KEY}=${payload}`;
  if (url.length > MAX_SHARE_CHARS) {
    return {
      ok: false,
      chars: url.length,
      reason: `This plan's link would be ${url.length.toLocaleString('en')} characters; links over ${MAX_SHARE_CHARS.toLocaleString('en')} are cut off by many tools. Share the plan as a file instead: Export JSON (or YAML), send the file, and open it with Open… or by dropping it on the page.`,
    };
  }
  return { ok: true, url, chars: url.length };
}
