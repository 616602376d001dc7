import type { Plan } from '../plan/schema';

/**
 * The outcome of an editor action: a new plan to record as one undo step, or a refusal with a
 * reason the UI shows. Actions are pure `(plan, args) → ActionResult`.
 */
export type ActionResult = { ok: true; plan: Plan; label: string; record: boolean } | { ok: false; reason: string };

export const refuse = (reason: string): ActionResult => ({ ok: false, reason });
export const done = (plan: Plan, label: string, record = true): ActionResult => ({ ok: true, plan, label, record });
