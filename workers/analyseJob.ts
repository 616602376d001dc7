import { reportSections, type EvaluateOptions, type ReportSection } from '../src/models/evaluate';
import type { ModelReport, Report } from '../src/models/report';
import { advise } from '../src/models/advisor/advise';
import type { PlanIssue } from '../src/plan/issues';
import { validatePlan } from '../src/plan/validate';
import type { JobContext } from './jobRunner';

/** What the engine says about a plan: its problems, and the report when it has none. */
export type Analysis =
  | { ok: true; report: Report; elapsedMs: number }
  | { ok: false; issues: PlanIssue[] };

export interface AnalyseArgs {
  /** Anything: it came from an editor or a file, and is validated here. */
  plan: unknown;
  options?: Partial<EvaluateOptions>;
}

/**
 * Validates a plan, then evaluates it one report section at a time with a checkpoint after
 * each, so a superseded analysis stops within one section. Progress counts validation as one
 * step and each section as one more.
 */
export async function analyseJob({ plan, options = {} }: AnalyseArgs, job: JobContext, now: () => number = () => performance.now()): Promise<Analysis> {
  const started = now();
  const valid = validatePlan(plan);
  if (!valid.ok) return { ok: false, issues: valid.issues };
  const sections = reportSections(valid.plan, options);
  const names = Object.keys(sections) as ReportSection[];
  const total = names.length + 1;
  job.progress(1, total);
  await job.checkpoint();
  const models: Partial<ModelReport> = { planName: valid.plan.name };
  for (const [i, name] of names.entries()) {
    (models as Record<ReportSection, unknown>)[name] = sections[name]();
    job.progress(i + 2, total);
    await job.checkpoint();
  }
  // The advisor only reads the sections, so it runs with the last one rather than as a chunk of its own.
  const report: Report = { ...(models as ModelReport), ...advise(valid.plan, models as ModelReport) };
  // The plan is not sent back: the caller holds it already, and copying 5,000 nodes back
  // would cost the main thread a deserialisation per edit.
  return { ok: true, report, elapsedMs: now() - started };
}
