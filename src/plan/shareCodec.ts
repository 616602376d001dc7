import { strToU8, Unzlib, zlibSync } from 'fflate';
import { DEFAULTS } from './defaults';
import type { PlanIssue } from './issues';
import type { Plan } from './schema';
import { validatePlan, type ValidationResult } from './validate';

/**
 * Share links carry a plan in the URL fragment: `#plan=2.<base64url of zlib(compact JSON)>`.
 * "Compact" stores every array of records (nodes, racks, …) as columns, a column whose values
 * are all equal as that one value, and a string equal to its record's `id` as 0. The 5,000-node
 * sample packs to about a third of its plain compressed size (under 64,000 characters), because
 * deflate finds the repeats of a column far more easily than those of interleaved records.
 * Links made before the compact form (`#plan=<base64url of zlib(JSON)>`) still open.
 */
const COMPACT_PREFIX = '2.';

/** A column of a packed record array: all one value, or one value per record (0 = the record's id). */
type Column = { a: unknown } | { v: unknown[]; idRef?: true; missing?: number[] };
interface PackedRecords {
  $records: number;
  columns: Record<string, Column>;
}

/** Sets an own property, so a "__proto__" key stays data and never changes a prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const isRecordArray = (value: unknown): value is Record<string, unknown>[] =>
  Array.isArray(value) && value.length > 1 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));

function packRecords(items: Record<string, unknown>[]): PackedRecords {
  const keys = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const columns: Record<string, Column> = {};
  const put = (key: string, column: Column) => setOwn(columns as Record<string, unknown>, key, column);
  for (const key of keys) {
    const missing = items.flatMap((item, i) => (Object.hasOwn(item, key) ? [] : [i]));
    const values = items.map((item) => item[key]);
    const first = JSON.stringify(values[0]);
    if (missing.length === 0 && values.every((v) => JSON.stringify(v) === first)) {
      put(key, { a: values[0] });
      continue;
    }
    const strings = values.every((v, i) => typeof v === 'string' || missing.includes(i));
    const idRef = key !== 'id' && strings && values.some((v, i) => v === items[i].id);
    const column: Column = { v: idRef ? values.map((v, i) => (v === items[i].id ? 0 : (v ?? null))) : values.map((v) => v ?? null) };
    if (idRef) column.idRef = true;
    if (missing.length) column.missing = missing;
    put(key, column);
  }
  return { $records: items.length, columns };
}

function unpackRecords(packed: PackedRecords): Record<string, unknown>[] {
  const count = packed.$records;
  if (!Number.isInteger(count) || count < 0 || count > DEFAULTS.limits.maxNodes * 4) throw new Error('a packed collection has an impossible size');
  const items: Record<string, unknown>[] = Array.from({ length: count }, () => ({}));
  for (const [key, column] of Object.entries(packed.columns ?? {})) {
    if ('a' in column) {
      for (const item of items) setOwn(item, key, structuredClone(column.a));
      continue;
    }
    if (!Array.isArray(column.v) || column.v.length !== count) throw new Error(`a packed column "${key}" has the wrong length`);
    const missing = new Set(column.missing ?? []);
    column.v.forEach((value, i) => {
      if (!missing.has(i)) setOwn(items[i], key, value);
    });
  }
  if (packed.columns?.id && !('a' in packed.columns.id)) {
    for (const [key, column] of Object.entries(packed.columns)) {
      if ('v' in column && column.idRef)
        items.forEach((item, i) => {
          if (column.v[i] === 0) setOwn(item, key, items[i].id);
        });
    }
  }
  return items;
}

/** The plan with each array of records packed into columns (top level only: nodes, racks, …). */
export function compactPlan(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plan)) setOwn(out, key, isRecordArray(value) ? packRecords(value) : value);
  return out;
}

/** Inverse of compactPlan, on untrusted input (the result is validated afterwards). */
export function expandPlan(doc: unknown): unknown {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return doc;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    const packed = value !== null && typeof value === 'object' && !Array.isArray(value) && '$records' in value;
    setOwn(out, key, packed ? unpackRecords(value as PackedRecords) : value);
  }
  return out;
}

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

/** The fragment payload of a plan (what follows `#plan=`). */
export function encodeSharedPlan(plan: Plan): string {
  return COMPACT_PREFIX + toBase64Url(zlibSync(strToU8(JSON.stringify(compactPlan(plan))), { level: 9 }));
}

/** Thrown when a link inflates past the cap; the message is the one the user reads. */
class TooLargeError extends Error {}

/**
 * The most a share link may expand to. The longest link Rackplan makes (64,000 characters, about
 * 48 KB of deflate) holds at most ~1.3 MB of plan: the compact 5,000-node sample compresses
 * 26:1, plain JSON links of older builds 20:1. 2 MiB leaves half as much again while a
 * compression bomb (deflate reaches 1,032:1) is refused after 2 MiB of work, not hundreds.
 */
export const MAX_LINK_EXPANDED_BYTES = 2 * 2 ** 20;

/**
 * Inflates zlib data, giving up as soon as the output passes `capBytes`. Input goes in 1 KB
 * slices, so even a 1,032:1 bomb produces at most ~1 MB past the cap before it is refused.
 * (The platform's DecompressionStream was measured slower here: it hands back 64 KB per task.)
 */
export function inflateCapped(bytes: Uint8Array, capBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const stream = new Unzlib((chunk) => {
    total += chunk.length;
    if (total > capBytes) over = true;
    else chunks.push(chunk);
  });
  const SLICE = 1024;
  for (let i = 0; i < bytes.length && !over; i += SLICE) stream.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
  if (over)
    throw new TooLargeError(
      `this link expands to more than ${capBytes / 2 ** 20} MB; the longest links Rackplan makes expand to about 1.3 MB, so this is not a plan link (share big plans as files)`,
    );
  if (bytes.length === 0) throw new Error('empty');
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const fail = (message: string): { ok: false; issues: PlanIssue[] } => ({ ok: false, issues: [{ path: '(link)', message }] });

/**
 * Decodes and validates a share-link payload (old plain or compact form). Never throws: a
 * damaged, truncated or oversized link comes back as a `(link)` issue saying which.
 */
export function decodeSharedPlan(payload: string, capBytes: number = MAX_LINK_EXPANDED_BYTES): ValidationResult {
  const compact = payload.startsWith(COMPACT_PREFIX);
  const body = compact ? payload.slice(COMPACT_PREFIX.length) : payload;
  if (!/^[A-Za-z0-9_-]+$/.test(body))
    return fail('holds characters a share link never has; it was changed or cut while being passed on, so ask for the link again');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflateCapped(fromBase64Url(body), capBytes));
  } catch (e) {
    if (e instanceof TooLargeError) return fail(e.message);
    return fail('is damaged or incomplete (its compressed data does not decode); ask for the link again');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('is damaged or incomplete (it decodes, but not to a plan); ask for the link again');
  }
  try {
    return validatePlan(compact ? expandPlan(doc) : doc);
  } catch (e) {
    return fail(`is damaged: ${(e as Error).message}`);
  }
}

/**
 * The share payload in a URL fragment: `{ kind: 'none' }` when the fragment is not a share link
 * (an anchor, or empty), `{ kind: 'empty' }` for `#plan=` with nothing after it, else the
 * payload. Other parameters (`&utm_source=…`, which chat tools append) are ignored.
 */
export function sharePayload(hash: string): { kind: 'none' } | { kind: 'empty' } | { kind: 'payload'; payload: string } {
  const params = hash.replace(/^#/, '').split('&');
  const param = params.find((p) => p === 'plan' || p.startsWith('plan='));
  if (param === undefined) return { kind: 'none' };
  const payload = param.slice('plan='.length).trim();
  return payload ? { kind: 'payload', payload } : { kind: 'empty' };
}
