import { readPlan, writePlan, type PlanFormat } from '../src/plan/io';
import type { Plan } from '../src/plan/schema';
import { analyseJob } from './analyseJob';
import type { JobContext } from './jobRunner';
import { reliabilitySummaryJob, reliabilityTrialsJob, reliabilityVariantJob } from './reliabilityJobs';

/**
 * Every job the engine worker serves, by name. To add one, write `(args, job) => result` (chunk
 * long loops with `await job.checkpoint()` and report `job.progress(done, total)`) and list it
 * here; `WorkerPool<EngineJobs>` then types its arguments and result on the UI side.
 */
export const ENGINE_JOBS = {
  analyse: (args: Parameters<typeof analyseJob>[0], job: JobContext) => analyseJob(args, job),
  /** Parses, migrates and validates a file's text off the main thread. */
  readPlan: ({ text, format }: { text: string; format: PlanFormat }) => readPlan(text, format),
  /** Serialises a plan off the main thread (YAML for 5,000 nodes takes a noticeable moment). */
  writePlan: ({ plan, format }: { plan: Plan; format: PlanFormat }) => writePlan(plan, format),
  /** Reliability Monte Carlo: a range of trial chunks, their figures, and one compare column. */
  reliabilityTrials: reliabilityTrialsJob,
  reliabilitySummary: reliabilitySummaryJob,
  reliabilityVariant: reliabilityVariantJob,
};

export type EngineJobs = typeof ENGINE_JOBS;
