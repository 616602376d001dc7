import { compareHeadlines, planChanges, type FigureComparison, type PlanChanges } from '../src/models/headline/comparePlans';
import type { HeadlineFigure } from '../src/models/headline/headline';
import type { PlanIssue } from '../src/plan/issues';
import type { Plan } from '../src/plan/schema';
import { analyseJob, analysisMemory } from './analyseJob';
import type { JobContext } from './jobRunner';

/** Two plans compared: every headline figure side by side, and what changed from a to b. */
export type Comparison =
  | { ok: true; a: HeadlineFigure[]; b: HeadlineFigure[]; figures: FigureComparison[]; changes: PlanChanges }
  | { ok: false; side: 'a' | 'b'; issues: PlanIssue[] };

/** Progress of one half of the job mapped onto the whole: a fills the first half, b the second. */
const half = (job: JobContext, index: 0 | 1): JobContext => ({
  progress: (done, total) => job.progress(index * total + done, 2 * total),
  checkpoint: () => job.checkpoint(),
  get cancelled() {
    return job.cancelled;
  },
});

/**
 * Compares plan a with plan b the way the app analyses the open plan: each goes through
 * `analyseJob` (validation, then the full report section by section, cancellable), and the
 * headlines it derives are paired by `compareHeadlines`. A memory of its own keeps the open
 * plan's incremental cache in the `analyse` job untouched, and b shares a's unchanged parts, so
 * an edited copy or an older version costs little more than one analysis.
 */
export async function compareJob({ a, b }: { a: Plan; b: Plan }, job: JobContext): Promise<Comparison> {
  const memory = analysisMemory();
  const ra = await analyseJob({ plan: a }, half(job, 0), undefined, memory);
  if (!ra.ok) return { ok: false, side: 'a', issues: ra.issues };
  const rb = await analyseJob({ plan: b }, half(job, 1), undefined, memory);
  if (!rb.ok) return { ok: false, side: 'b', issues: rb.issues };
  return { ok: true, a: ra.headline, b: rb.headline, figures: compareHeadlines(ra.headline, rb.headline), changes: planChanges(a, b) };
}
