import type { EvaluateOptions, ReportSection } from '../src/models/evaluate';
import { createEvaluator, type Evaluator } from '../src/models/evaluator';
import type { Plan } from '../src/plan/schema';
import type { ModelReport, Report } from '../src/models/report';
import { advise } from '../src/models/advisor/advise';
import { headline, type HeadlineFigure } from '../src/models/headline/headline';
import type { PlanIssue } from '../src/plan/issues';
import { validatePlan } from '../src/plan/validate';
import type { JobContext } from './jobRunner';
import { sharePlan } from './sharePlan';

/** What the engine says about a plan: its problems, and the report when it has none. */
export type Analysis = { ok: true; report: Report; headline: HeadlineFigure[]; elapsedMs: number } | { ok: false; issues: PlanIssue[] };

export interface AnalyseArgs {
  /** Anything: it came from an editor or a file, and is validated here. */
  plan: unknown;
  options?: Partial<EvaluateOptions>;
}

/** What a worker keeps between analyses: the last plan (to share its parts) and the section memo. */
export interface AnalysisMemory {
  plan: Plan | null;
  evaluator: Evaluator;
}

export const analysisMemory = (): AnalysisMemory => ({ plan: null, evaluator: createEvaluator() });

/**
 * Validates a plan, then evaluates it one report section at a time with a checkpoint after
 * each, so a superseded analysis stops within one section. The plan first shares its unchanged
 * parts with the previous one, so sections whose inputs did not change come from the memo.
 * Progress counts validation as one step and each section as one more.
 */
export async function analyseJob(
  { plan, options = {} }: AnalyseArgs,
  job: JobContext,
  now: () => number = () => performance.now(),
  memory: AnalysisMemory = analysisMemory(),
): Promise<Analysis> {
  const started = now();
  const valid = validatePlan(plan);
  if (!valid.ok) return { ok: false, issues: valid.issues };
  const shared = memory.plan ? sharePlan(memory.plan, valid.plan) : valid.plan;
  memory.plan = shared;
  const sections = memory.evaluator.sections(shared, options);
  const names = Object.keys(sections) as ReportSection[];
  const total = names.length + 1;
  job.progress(1, total);
  await job.checkpoint();
  const models: Partial<ModelReport> = { planName: shared.name };
  for (const [i, name] of names.entries()) {
    (models as Record<ReportSection, unknown>)[name] = sections[name]();
    job.progress(i + 2, total);
    await job.checkpoint();
  }
  // The advisor only reads the sections, so it runs with the last one rather than as a chunk of its own.
  const report: Report = { ...(models as ModelReport), ...advise(shared, models as ModelReport) };
  // The plan is not sent back: the caller holds it already, and copying 5,000 nodes back
  // would cost the main thread a deserialisation per edit.
  // The headline is derived here too, so the main thread only draws it.
  return { ok: true, report, headline: headline(report), elapsedMs: now() - started };
}
