import type { EvaluateOptions, ReportSection } from '../src/models/evaluate';
import { createEvaluator, type Evaluator } from '../src/models/evaluator';
import type { Plan } from '../src/plan/schema';
import type { ModelReport, Report } from '../src/models/report';
import { advise } from '../src/models/advisor/advise';
import { headline, type HeadlineFigure } from '../src/models/headline/headline';
import type { PlanIssue } from '../src/plan/issues';
import { createPlanValidator } from '../src/plan/planValidator';
import { applyPlanDelta, isEmptyDelta, type PlanDelta } from '../src/plan/planDelta';
import type { ValidationResult } from '../src/plan/validate';
import type { JobContext } from './jobRunner';
import { sameData } from './sameData';
import { sharePlan } from './sharePlan';

/** What the engine says about a plan: its problems, and the report when it has none. */
export type Analysis =
  | {
      ok: true;
      report: Report;
      headline: HeadlineFigure[];
      elapsedMs: number;
      /** This report's name, for the sender's next `known`. */
      reportId?: string;
      /**
       * Sections left out of `report` because they equal those of the report `known` named (the
       * sender holds them already). The bridge puts them back: the UI never sees a partial report.
       */
      unchanged?: (keyof Report)[];
    }
  | { ok: false; issues: PlanIssue[] };

export interface AnalyseArgs {
  /** The whole plan: anything (it came from an editor or a file), validated here. */
  plan?: unknown;
  /**
   * Or only what changed since the plan numbered `base`, one this worker was sent before (the
   * bridge sends this after the first analysis, so an edit posts one node instead of 5,000).
   */
  delta?: { base: number; changes: PlanDelta };
  /** The sender's number for this plan, which a later delta names as its base. */
  version?: number;
  options?: Partial<EvaluateOptions>;
  /** The `reportId` of the last answer the sender received: sections equal to its report are not sent again. */
  known?: string;
}

/** The answer to a delta whose base this worker does not hold (a fresh worker, or another of the pool's): send the plan whole. */
export interface BaseMissing {
  baseMissing: true;
}

/**
 * What a worker keeps between analyses: the last plan as received (deltas apply to it) and its
 * number, the validator's memo of it, the last validated plan (to share its parts), and one
 * section memo per set of options (the app asks with the defaults; other callers keep their own).
 */
export interface AnalysisMemory {
  /** The last few plans as received, by the sender's number: a delta may name any of them as its base. */
  inputs: Map<number, unknown>;
  validate: (input: unknown) => ValidationResult;
  plan: Plan | null;
  evaluators: Map<string, Evaluator>;
  /** The last few reports sent, by id: the sender names the one it holds as `known`. */
  sent: Map<string, Report>;
  /** Tells this worker's report ids from another's, so a `known` from another worker of the pool matches nothing. */
  sender: string;
  reportCount: number;
}

export const analysisMemory = (): AnalysisMemory => ({
  inputs: new Map(),
  validate: createPlanValidator(),
  plan: null,
  evaluators: new Map(),
  sent: new Map(),
  // Not a model: the id only has to differ between the pool's workers.
  sender: Math.random().toString(36).slice(2),
  reportCount: 0,
});

/** Reports kept for `known`: the sender holds the last one it received, and a few sent since may have been superseded. */
const REPORTS_KEPT = 4;

/**
 * The answer's report without the sections equal to `known`'s (which keep `known`'s objects in
 * the report kept here, so the next comparison is by identity). A one-U move of a worker on the
 * 5,000-node plan changes only the physical section: about 90 KB of a 300 KB report is sent.
 */
function sendable(memory: AnalysisMemory, report: Report, known: string | undefined): { report: Report; reportId: string; unchanged: (keyof Report)[] } {
  const before = known === undefined ? undefined : memory.sent.get(known);
  const kept = { ...report };
  const sent = { ...report } as Partial<Report>;
  const unchanged: (keyof Report)[] = [];
  if (before) {
    // Kept while the sender names it: during a burst of edits it holds no newer report.
    memory.sent.delete(known!);
    memory.sent.set(known!, before);
    for (const key of Object.keys(report) as (keyof Report)[]) {
      if (!sameData(before[key], report[key])) continue;
      (kept as Record<string, unknown>)[key] = before[key];
      delete sent[key];
      unchanged.push(key);
    }
  }
  const reportId = `${memory.sender}:${++memory.reportCount}`;
  memory.sent.set(reportId, kept);
  if (memory.sent.size > REPORTS_KEPT) memory.sent.delete(memory.sent.keys().next().value!);
  return { report: sent as Report, reportId, unchanged };
}

/**
 * Plans kept as bases, least recently used first out. The bridge bases a delta on the last plan
 * whose analysis it received, and analyses superseded since then may have reached the worker
 * (each leaving its plan here) or not.
 */
const INPUTS_KEPT = 8;

/** The default options, and room for callers with other options. */
const EVALUATORS_KEPT = 4;

function evaluatorFor(memory: AnalysisMemory, options: Partial<EvaluateOptions>): Evaluator {
  const key = JSON.stringify(options);
  let evaluator = memory.evaluators.get(key);
  if (!evaluator) {
    if (memory.evaluators.size >= EVALUATORS_KEPT) memory.evaluators.delete(memory.evaluators.keys().next().value!);
    memory.evaluators.set(key, (evaluator = createEvaluator()));
  }
  return evaluator;
}

/**
 * Validates a plan (re-parsing only the parts a delta changed), then evaluates it one report
 * section at a time with a checkpoint after each, so a superseded analysis stops within one
 * section. The plan first shares its unchanged parts with the previous one, so sections whose
 * inputs did not change come from the memo. Progress counts validation as one step and each
 * section as one more.
 */
export async function analyseJob(args: AnalyseArgs & { delta?: undefined }, job: JobContext, now?: () => number, memory?: AnalysisMemory): Promise<Analysis>;
export async function analyseJob(args: AnalyseArgs, job: JobContext, now?: () => number, memory?: AnalysisMemory): Promise<Analysis | BaseMissing>;
export async function analyseJob(
  { plan, delta, version, options = {}, known }: AnalyseArgs,
  job: JobContext,
  now: () => number = () => performance.now(),
  memory: AnalysisMemory = analysisMemory(),
): Promise<Analysis | BaseMissing> {
  const started = now();
  let input = plan;
  if (delta) {
    if (!memory.inputs.has(delta.base)) return { baseMissing: true };
    const base = memory.inputs.get(delta.base);
    // The base stays until it is the oldest used: during a burst of edits every delta names the
    // same base (no analysis has come back yet), while each superseded analysis that reached the
    // worker adds its plan. Evicted by arrival order, the base fell out after eight of them, and
    // the next delta cost a 5,000-node plan sent whole and validated cold (about 200 ms).
    memory.inputs.delete(delta.base);
    memory.inputs.set(delta.base, base);
    input = isEmptyDelta(delta.changes) ? base : applyPlanDelta(base, delta.changes);
  }
  if (version !== undefined) {
    memory.inputs.delete(version);
    memory.inputs.set(version, input);
    if (memory.inputs.size > INPUTS_KEPT) memory.inputs.delete(memory.inputs.keys().next().value!);
  }
  const valid = memory.validate(input);
  if (!valid.ok) return { ok: false, issues: valid.issues };
  const shared = memory.plan ? sharePlan(memory.plan, valid.plan) : valid.plan;
  memory.plan = shared;
  const sections = evaluatorFor(memory, options).sections(shared, options);
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
  return { ok: true, headline: headline(report), elapsedMs: now() - started, ...sendable(memory, report, known) };
}
