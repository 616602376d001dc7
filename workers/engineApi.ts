import { evaluate, type EvaluateOptions } from '../src/models/evaluate';
import type { Report } from '../src/models/report';
import { readPlan, writePlan, type PlanFormat } from '../src/plan/io';
import type { PlanIssue } from '../src/plan/issues';
import type { Plan } from '../src/plan/schema';
import { validatePlan } from '../src/plan/validate';

/** What the engine says about a plan: its problems, and the report when it has none. */
export type Analysis =
  | { ok: true; report: Report; elapsedMs: number }
  | { ok: false; issues: PlanIssue[] };

/** Thrown back to the caller when a newer request made this one stale. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * The model API the worker exposes. Each call carries a request id; `cancel(id)` marks it stale,
 * and long runs check `isCancelled` between chunks so the worker is free for the newer request.
 */
export function createEngineApi(now: () => number = () => performance.now()) {
  const cancelled = new Set<number>();
  const check = (id: number) => {
    if (cancelled.delete(id)) throw new CancelledError();
  };
  return {
    /** Validates then evaluates; the plan may be anything (it came from an editor or a file). */
    analyse(id: number, plan: unknown, options: Partial<EvaluateOptions> = {}): Analysis {
      check(id);
      const started = now();
      const valid = validatePlan(plan);
      if (!valid.ok) return { ok: false, issues: valid.issues };
      check(id);
      const report = evaluate(valid.plan, options);
      // The plan is not sent back: the caller holds it already, and copying 5,000 nodes back
      // would cost the main thread a deserialisation per edit.
      return { ok: true, report, elapsedMs: now() - started };
    },
    /** Parses, migrates and validates a file's text off the main thread. */
    readPlan(text: string, format: PlanFormat) {
      return readPlan(text, format);
    },
    /** Serialises a plan off the main thread (YAML for 5,000 nodes takes a noticeable moment). */
    writePlan(plan: Plan, format: PlanFormat): string {
      return writePlan(plan, format);
    },
    cancel(id: number): void {
      cancelled.add(id);
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
