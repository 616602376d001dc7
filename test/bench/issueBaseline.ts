// The code issue #9 was filed against, for figures measured as a ratio to it in one run.
//
// The issue set the cold `evaluate` of the 5,000-node plan a bar of 50 ms against "about 93 ms
// today on a quiet machine". Both numbers belong to the machine the issue was measured on; these
// machines are shared and their speed moves (the same code measured 41 and 68 ms on one machine
// an hour apart), so an absolute time on another machine says little about the bar. Timing the
// issue's own code beside ours, interleaved in one run with one method, carries the bar over as a
// ratio: 50 / 93.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { figure } from './figures';
import { summary } from './timing';

export const ISSUE_9_BASELINE = {
  /** main when issue #9 was filed: the last commit before the engine-seams work (2026-11-24). */
  commit: 'd60b0f2dab78c5835cc9b627fce00a8a385559bc',
  /** The plan the issue's figures are for. */
  sample: 'hyperscale-5000.json',
  /** The issue's figures for a cold evaluate of that plan, ms. */
  issueColdMs: 93,
  barMs: 50,
};

/** The bar as a ratio to the baseline's time in the same run: 50 / 93. */
export const COLD_RATIO_BAR = ISSUE_9_BASELINE.barMs / ISSUE_9_BASELINE.issueColdMs;

/**
 * Pairs of fresh workers (the baseline's and ours) each comparison starts; in each pair the two
 * take `BASELINE_TURNS` turns of one cold run each, after `BASELINE_WARMUP` untimed turns.
 */
export const BASELINE_PAIRS = 2;
export const BASELINE_TURNS = 30;
export const BASELINE_WARMUP = 10;

/** A worker that times one cold run per call, ms. */
export interface TurnTaker {
  run(): Promise<number>;
  stop(): unknown;
}

/**
 * Timed runs of several workers taking turns, one run each per round, the order rotating by one
 * every round so that none always goes first: runs of one round meet the same spell of the
 * machine. `warmup` untimed rounds, then `rounds` timed ones; row k holds worker k's times, ms.
 */
export async function takeTurns(workers: readonly TurnTaker[], warmup: number, rounds: number): Promise<number[][]> {
  const times: number[][] = workers.map(() => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < workers.length; k++) {
      const w = (round + k) % workers.length;
      const ms = await workers[w].run();
      if (round >= warmup) times[w].push(ms);
    }
  }
  return times;
}

/**
 * Cold runs of the baseline and of ours taking turns (`takeTurns`), in `BASELINE_PAIRS` fresh
 * pairs of workers: the two runs of a turn meet the same spell of the machine, so each turn's
 * ratio (ours / baseline) is fair even when the machine's speed moves between turns. Returns every
 * timed run and every turn's ratio.
 */
export async function alternate(startPair: () => Promise<[TurnTaker, TurnTaker]>): Promise<{ theirs: number[]; ours: number[]; ratios: number[] }> {
  const theirs: number[] = [];
  const ours: number[] = [];
  const ratios: number[] = [];
  for (let p = 0; p < BASELINE_PAIRS; p++) {
    const pair = await startPair();
    const [base, now] = await takeTurns(pair, BASELINE_WARMUP, BASELINE_TURNS);
    theirs.push(...base);
    ours.push(...now);
    base.forEach((baseMs, turn) => ratios.push(now[turn] / baseMs));
    await Promise.all(pair.map((w) => w.stop()));
  }
  return { theirs, ours, ratios };
}

/**
 * Records a comparison's figures under `prefix` (`evaluate`, `browser.evaluate`) and prints it:
 * the medians, the ratio (the median of the turns' ratios) with its middle half, the bar, and what
 * the ratio would be on the machine of the issue's 93 ms.
 */
export function recordComparison(prefix: string, sample: string, { theirs, ours, ratios }: Awaited<ReturnType<typeof alternate>>): void {
  const ratio = summary(ratios).medianMs;
  figure(`${prefix}.${sample}.issueBaselineColdMs`, summary(theirs).medianMs);
  figure(`${prefix}.${sample}.coldPairedMs`, summary(ours).medianMs);
  figure(`${prefix}.${sample}.coldToIssueBaselineRatio`, ratio);
  const sorted = [...ratios].sort((a, b) => a - b);
  const quartile = (q: number) => sorted[Math.floor(q * sorted.length)].toFixed(2);
  const { commit, barMs, issueColdMs } = ISSUE_9_BASELINE;
  console.log(
    `cold evaluate of ${sample} against the code issue #9 was filed against (${commit.slice(0, 7)}): ${BASELINE_PAIRS} pairs of workers taking ${BASELINE_TURNS} turns each after ${BASELINE_WARMUP}`,
  );
  console.log(
    `  median baseline ${summary(theirs).medianMs.toFixed(1)} ms, ours ${summary(ours).medianMs.toFixed(1)} ms; ratio ${ratio.toFixed(2)} (median of ${ratios.length} turns, middle half ${quartile(0.25)}-${quartile(0.75)}; the bar ${barMs} / ${issueColdMs} = ${COLD_RATIO_BAR.toFixed(4)}); on the machine of the issue's ${issueColdMs} ms about ${(ratio * issueColdMs).toFixed(1)} ms`,
  );
}

/**
 * The baseline's `src` and `public/examples`, extracted with `git archive` into a directory under
 * the system's temporary directory (kept between runs), with `node_modules` linked to this
 * checkout's so its imports resolve; or what is missing, when git or the commit is (a shallow
 * clone, a copy without `.git`).
 */
export function baselineTree(): { root: string } | { missing: string } {
  const root = join(tmpdir(), `rackplan-baseline-${ISSUE_9_BASELINE.commit.slice(0, 12)}`);
  if (!existsSync(join(root, 'src/models/evaluate.ts'))) {
    const has = spawnSync('git', ['cat-file', '-e', `${ISSUE_9_BASELINE.commit}^{commit}`]);
    if (has.status !== 0) return { missing: `commit ${ISSUE_9_BASELINE.commit.slice(0, 7)} is not in this clone (shallow, or no git)` };
    mkdirSync(root, { recursive: true });
    const archive = spawnSync('git', ['archive', ISSUE_9_BASELINE.commit, 'src', 'public/examples', 'package.json'], { maxBuffer: 1 << 30 });
    if (archive.status !== 0) return { missing: `git archive failed: ${archive.stderr.toString().trim()}` };
    const tar = spawnSync('tar', ['-x', '-C', root], { input: archive.stdout });
    if (tar.status !== 0) return { missing: `tar failed: ${tar.stderr.toString().trim()}` };
  }
  // Linked afresh each run: an earlier run's link may point at a checkout since removed.
  rmSync(join(root, 'node_modules'), { force: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return { root };
}
