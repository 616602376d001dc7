import YAML from 'yaml';
import { DEFAULTS } from './defaults';
import type { PlanIssue } from './issues';
import type { Plan } from './schema';
import { validatePlan, type ValidationResult } from './validate';

export type PlanFormat = 'json' | 'yaml';

/** Guesses the format from a file name, falling back to the text's first character. */
export function formatOf(fileName: string | undefined, text: string): PlanFormat {
  if (fileName && /\.ya?ml$/i.test(fileName)) return 'yaml';
  if (fileName && /\.json$/i.test(fileName)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

/**
 * Parses, migrates and validates plan text. Never throws: a syntax error, an oversize file, a
 * plan with too many nodes or any schema problem comes back as issues naming where it is.
 */
export function readPlan(text: string, format: PlanFormat): ValidationResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > DEFAULTS.limits.maxFileBytes) {
    // Rounded up, so a file just over the limit never reads as exactly the limit.
    return fail('(file)', `is ${(Math.ceil((bytes / 2 ** 20) * 10) / 10).toFixed(1)} MiB; plans may be at most ${DEFAULTS.limits.maxFileBytes / 2 ** 20} MiB`);
  }
  let doc: unknown;
  try {
    // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse refuses.
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    doc = format === 'json' ? JSON.parse(body) : YAML.parse(body, { maxAliasCount: 100 });
  } catch (error) {
    return fail('(file)', `is not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`);
  }
  const nodes = (doc as { nodes?: unknown } | null)?.nodes;
  if (Array.isArray(nodes) && nodes.length > DEFAULTS.limits.maxNodes) {
    return fail('nodes', `has ${nodes.length} nodes; plans may have at most ${DEFAULTS.limits.maxNodes}`);
  }
  return validatePlan(doc);
}

/** Serialises a plan; `readPlan(writePlan(p, f), f)` gives back `p`. */
export function writePlan(plan: Plan, format: PlanFormat): string {
  return format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : YAML.stringify(plan, { lineWidth: 0, aliasDuplicateObjects: false });
}

function fail(path: string, message: string): { ok: false; issues: PlanIssue[] } {
  return { ok: false, issues: [{ path, message }] };
}
