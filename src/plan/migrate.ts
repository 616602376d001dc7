import type { PlanIssue } from './issues';

/** The plan format version this build writes. */
export const CURRENT_VERSION = 1;

/** One step from version `from` to `from + 1`, on the raw document (before validation). */
type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Steps indexed by the version they upgrade from. Version 1 is the first format, so there are
 * none yet; a version 2 adds `1: (doc) => ({ ...doc, version: 2, … })` here.
 */
const MIGRATIONS: Record<number, Migration> = {};

/** Brings a raw document to the current version, or says why it cannot. */
export function migratePlan(doc: unknown): { ok: true; doc: unknown } | { ok: false; issues: PlanIssue[] } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, issues: [{ path: '(plan)', message: 'must be an object with "version": 1' }] };
  }
  let current = doc as Record<string, unknown>;
  const version = current.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: true, doc: current };
  if (version > CURRENT_VERSION) {
    return { ok: false, issues: [{ path: 'version', message: `this Rackplan reads plan versions up to ${CURRENT_VERSION}, got ${version}` }] };
  }
  for (let v = version; v < CURRENT_VERSION; v++) current = MIGRATIONS[v](current);
  return { ok: true, doc: current };
}
