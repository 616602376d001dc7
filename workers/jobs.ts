import { omniExportJob, omniImportJob, omniTalosCheckJob } from '../src/export/omni/omniJobs';
import type { ImportAnswers } from '../src/export/omni/importTemplate';
import { readPlan, writePlan, type PlanFormat } from '../src/plan/io';
import { decodeSharedPlan, encodeSharedPlan } from '../src/plan/shareCodec';
import type { Plan } from '../src/plan/schema';
import { analyseJob, analysisMemory } from './analyseJob';
import { compareJob } from './compareJob';
import { drillJob, sweepJob, upgradeJob } from './drillJobs';
import type { JobContext } from './jobRunner';
import { reliabilitySummaryJob, reliabilityTrialsJob, reliabilityVariantJob } from './reliabilityJobs';

/**
 * Every job the engine worker serves, by name. To add one, write `(args, job) => result` (chunk
 * long loops with `await job.checkpoint()` and report `job.progress(done, total)`) and list it
 * here; `WorkerPool<EngineJobs>` then types its arguments and result on the UI side.
 */
// One memory per worker: consecutive analyses of an edited plan recompute only what changed.
// The pool sends the next analysis right behind the cancel of the one before, so that one may
// still be paused at a checkpoint when the next starts; the cancel arrives first, so it throws
// there without touching the memory again, and the two never interleave on it. (Jobs that keep
// state between calls must likewise change it only between checkpoints.)
const memory = analysisMemory();

export const ENGINE_JOBS = {
  analyse: (args: Parameters<typeof analyseJob>[0], job: JobContext) => analyseJob(args, job, undefined, memory),
  /** Two plans' headline figures side by side and what changed (the dashboard's compare). */
  comparePlans: compareJob,
  /** Parses, migrates and validates a file's text off the main thread. */
  readPlan: ({ text, format }: { text: string; format: PlanFormat }) => readPlan(text, format),
  /** Serialises a plan off the main thread (YAML for 5,000 nodes takes a noticeable moment). */
  writePlan: ({ plan, format }: { plan: Plan; format: PlanFormat }) => writePlan(plan, format),
  /** Packs a plan into a share-link payload (compact columns, then deflate). */
  encodeSharedPlan: ({ plan }: { plan: Plan }) => encodeSharedPlan(plan),
  /** Inflates (with an output cap, so a compression bomb is refused early) and validates a link's plan. */
  decodeSharedPlan: ({ payload }: { payload: string }) => decodeSharedPlan(payload),
  /** A failure drill: health, timeline and Chaos Mesh export. */
  drill: (args: Parameters<typeof drillJob>[0]) => drillJob(args),
  /** One part of a failure sweep, chunked with progress; fan it out with `pool.map`. */
  sweep: (args: Parameters<typeof sweepJob>[0], job: JobContext) => sweepJob(args, job),
  /** The rolling-upgrade drill: health at each batch of the plan's update strategy, and its duration. */
  upgrade: (args: Parameters<typeof upgradeJob>[0]) => upgradeJob(args),
  /** Reliability Monte Carlo: a range of trial chunks, their figures, and one compare column. */
  reliabilityTrials: reliabilityTrialsJob,
  reliabilitySummary: reliabilitySummaryJob,
  reliabilityVariant: reliabilityVariantJob,
  /** The Omni cluster template of a plan, re-checked as Omni would (export dialog). */
  omniExport: ({ plan }: { plan: Plan }) => omniExportJob(plan),
  /** Its Talos patches checked against the schema of the plan's Talos version (loaded lazily in the worker). */
  omniTalosCheck: ({ plan }: { plan: Plan }) => omniTalosCheckJob(plan),
  /** An Omni template read, checked and turned into a new plan (import dialog). */
  omniImport: ({ text, answers }: { text: string; answers: Omit<ImportAnswers, 'readFile'> }) => omniImportJob(text, answers),
};

export type EngineJobs = typeof ENGINE_JOBS;
