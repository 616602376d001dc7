import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import type { Plan } from '../plan/schema';

/** The fragment key of a shared plan: `#plan=<base64url of zlib-compressed JSON>`. */
export const SHARE_KEY = 'plan';

/**
 * The longest share link we hand out. Chromium accepts 2 MB URLs, but chat tools, mail clients
 * and URL shorteners cut links far shorter; 64 K characters stays within what Firefox and Safari
 * display and most tools pass on unchanged.
 */
export const MAX_SHARE_CHARS = 64_000;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export type ShareResult = { ok: true; url: string; chars: number } | { ok: false; reason: string; chars: number };

/** A link that opens `plan`, or why it cannot be shared that way (too long). */
export function shareUrl(plan: Plan, base: string): ShareResult {
  const packed = toBase64Url(zlibSync(strToU8(JSON.stringify(plan)), { level: 9 }));
  const url = `${base.split('#')[0]}#${SHARE_KEY}=${packed}`;
  if (url.length > MAX_SHARE_CHARS) {
    return { ok: false, chars: url.length, reason: `This plan's link would be ${url.length.toLocaleString('en')} characters; links over ${MAX_SHARE_CHARS.toLocaleString('en')} are cut off by many tools. Export JSON and share the file instead.` };
  }
  return { ok: true, url, chars: url.length };
}

/** The plan JSON text a share fragment carries, or null when the fragment holds none. Throws on a damaged link. */
export function planTextFromFragment(hash: string): string | null {
  const match = new RegExp(`^#?${SHARE_KEY}=([A-Za-z0-9_-]+)$`).exec(hash);
  if (!match) return null;
  return strFromU8(unzlibSync(fromBase64Url(match[1])));
}
