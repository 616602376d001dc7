import type { Report } from '../report';
import { SEVERITIES, type Finding, type Severity } from '../finding';
import { int, ms, pct } from '../../format/units';
import { MAX_FSYNC_P99_MS, walFsyncTooSlow } from '../controlPlane/sizing';

/** How a headline figure reads: fine, tight (works but without margin), failing, or just a fact. */
export type Verdict = 'ok' | 'warn' | 'bad' | 'info';

/** Which direction of `value` is better, for compare; `null` when the figure is not ordered. */
export type Better = 'higher' | 'lower' | null;

export interface HeadlineFigure {
  /** Stable id, shared by the strip, compare and the CLI. */
  id: string;
  label: string;
  /** The figure as text, with its unit. */
  text: string;
  /** The number behind `text` in `unit`, for differences in compare (null when not a number). */
  value: number | null;
  unit: string;
  verdict: Verdict;
  /** The verdict in a word, so colour is never the only cue. */
  word: string;
  /** One sentence: what decides the verdict. */
  why: string;
  better: Better;
  /** The results panel that explains the figure. */
  panel: 'capacity' | 'network' | 'control-plane' | 'storage' | 'problems' | 'findings';
}

const plural = (n: number, word: string) => `${int(n)} ${word}${n === 1 ? '' : 's'}`;

const WORD: Record<Verdict, string> = { ok: 'fine', warn: 'tight', bad: 'fails', info: 'note' };

const fig = (f: Omit<HeadlineFigure, 'word'> & { word?: string }): HeadlineFigure => ({ ...f, word: f.word ?? WORD[f.verdict] });

/**
 * The most severe error or warning the findings file under these rules, first of its severity
 * (findings come most severe first). A figure that states the same fact as a rule takes its
 * verdict from here, so the strip and the Findings tab never give one fact two severities.
 */
function worstFinding(r: Report, ruleIds: readonly string[], keep: (f: Finding) => boolean = () => true): Finding | undefined {
  const of = r.findings.filter((f) => ruleIds.includes(f.ruleId) && f.severity !== 'info' && keep(f));
  return of.find((f) => f.severity === 'error') ?? of[0];
}

const VERDICT_OF: Record<Severity, Verdict> = { error: 'bad', warning: 'warn', info: 'ok' };

/** Levels the tolerance figure lists, in the order an operator thinks of them. */
const LEVELS = ['node', 'rack', 'tor', 'power', 'row', 'room', 'site'] as const;
const LEVEL_SHORT: Record<string, string> = { node: 'node', rack: 'rack', tor: 'ToR', power: 'feed', row: 'row', room: 'room', site: 'site' };

function etcdFigures(r: Report): HeadlineFigure[] {
  const q = r.controlPlane.quorum;
  const tol = LEVELS.map((l) => r.controlPlane.tolerance.find((t) => t.level === l)).filter((t) => t !== undefined && t.domains > 1);
  const weakest = tol.reduce<(typeof tol)[number] | undefined>((w, t) => (w === undefined || t!.tolerance < w.tolerance ? t : w), undefined);
  // The advisor owns when a domain whose loss takes quorum is an error: CP-SINGLE-FAILURE (switch,
  // feed, row, room; not a row or room that is its whole site), RA-CP-RACKS (racks) and
  // RA-CP-COUNT's error for two members or fewer (no failure tolerated at all).
  const single = worstFinding(r, ['CP-SINGLE-FAILURE', 'RA-CP-RACKS', 'RA-CP-COUNT'], (f) => f.ruleId !== 'RA-CP-COUNT' || f.severity === 'error');
  const verdict: Verdict = single ? VERDICT_OF[single.severity] : 'ok';
  const count = worstFinding(r, ['RA-CP-COUNT']);
  return [
    fig({
      id: 'etcd-quorum',
      label: 'etcd quorum',
      text: `${q.quorum} of ${q.members} members`,
      value: q.toleratedFailures,
      unit: 'member failures',
      // RA-CP-COUNT: an error for two members or fewer, a warning for an even count.
      verdict: count ? VERDICT_OF[count.severity] : 'ok',
      better: 'higher',
      panel: 'control-plane',
      why: `${q.members} member${q.members === 1 ? '' : 's'} need ${q.quorum} for quorum, so ${q.toleratedFailures} may fail${q.evenCount ? '; an even count tolerates no more than one member fewer' : ''}`,
    }),
    fig({
      id: 'etcd-tolerance',
      label: 'Tolerates (domains)',
      // Weakest level first, so a strip cell too narrow for every level still shows the one that matters.
      text:
        [...tol]
          .sort((a, b) => a!.tolerance - b!.tolerance)
          .map((t) => `${LEVEL_SHORT[t!.level]} ${t!.tolerance}`)
          .join(' · ') || 'no domains',
      value: weakest?.tolerance ?? null,
      unit: 'domains',
      verdict,
      better: 'higher',
      panel: 'control-plane',
      why: single ? single.message : weakest ? `weakest level: ${weakest.why}` : 'no failure domain holds more than one place',
    }),
  ];
}

function latencyFigure(r: Report): HeadlineFigure | null {
  const lat = r.controlPlane.latency;
  if (!lat) return null;
  const api = r.controlPlane.api;
  const p99 = lat.worst.writeMs.p99;
  // Two sourced bars, the same rules the control-plane findings apply: etcd's own WAL fsync p99
  // under 10 ms (`walFsyncTooSlow`, also ETCD-FSYNC and the sizing verdict), and the Kubernetes
  // 1 s p99 SLO for mutating API calls (API-SLO, API-SLO-ONE-DOWN). A slow WAL fails the figure
  // even when the API SLO holds: etcd then loses leaders under load long before the API times out.
  const slow = r.controlPlane.members.filter((m) => walFsyncTooSlow(m.fsyncP99Ms));
  const slowest = slow.reduce<(typeof slow)[number] | undefined>((w, m) => (w === undefined || m.fsyncP99Ms > w.fsyncP99Ms ? m : w), undefined);
  const apiVerdict: Verdict = !api ? 'info' : !api.allUp.meetsSlo ? 'bad' : api.oneDown && !api.oneDown.meetsSlo ? 'warn' : 'ok';
  const verdict: Verdict = slowest ? 'bad' : apiVerdict;
  const sloText = api ? `mutating API p99 ${ms(api.allUp.p99Ms)} against the 1 s SLO` : '';
  return fig({
    id: 'write-p99',
    label: 'Write latency p99',
    text: ms(p99),
    value: p99,
    unit: 'ms',
    verdict,
    better: 'lower',
    panel: 'control-plane',
    why: slowest
      ? `${slowest.name}: WAL fsync p99 ${ms(slowest.fsyncP99Ms)}${slowest.diskMeasured ? ' (measured)' : ''}, above etcd's ${ms(MAX_FSYNC_P99_MS)}; every write waits for it${sloText ? ` (${sloText})` : ''}`
      : `etcd write p99 with the worst leader (${lat.worst.leader})${sloText ? `; ${sloText}` : ''}; WAL fsync p99 within etcd's ${ms(MAX_FSYNC_P99_MS)}`,
  });
}

function sizingFigure(r: Report): HeadlineFigure {
  const used = r.controlPlane.sizing.verdicts.filter((v) => v.inUse);
  const rank = { 'too-small': 2, 'fits-without-n1-headroom': 1, fits: 0 } as const;
  const worst = used.reduce<(typeof used)[number] | undefined>((w, v) => (w === undefined || rank[v.verdict] > rank[w.verdict] ? v : w), undefined);
  if (!worst)
    return fig({
      id: 'cp-sizing',
      label: 'Control-plane sizing',
      text: 'no control plane',
      value: null,
      unit: '',
      verdict: 'bad',
      better: null,
      panel: 'control-plane',
      why: 'the plan has no control-plane node',
    });
  const verdict: Verdict = worst.verdict === 'fits' ? 'ok' : worst.verdict === 'too-small' ? 'bad' : 'warn';
  const text = { fits: 'fits N-1', 'fits-without-n1-headroom': 'fits, no N-1 headroom', 'too-small': 'too small' }[worst.verdict];
  return fig({
    id: 'cp-sizing',
    label: 'Control-plane sizing',
    text,
    value: rank[worst.verdict],
    unit: '',
    verdict,
    better: 'lower',
    panel: 'control-plane',
    why: `${worst.name}: ${worst.reasons[0] ?? worst.verdict}`,
  });
}

function workloadFigure(r: Report): HeadlineFigure | null {
  const w = r.workload;
  if (!w) return null;
  const after = w.largestRackLost ?? w.largestNodeLost;
  if (!after) return null;
  const utils = [after.cpuUtilisation, after.memoryUtilisation, after.podUtilisation];
  const worstUse = utils.some((u) => u === null) ? null : Math.max(...(utils as number[]));
  const nodeFits = w.largestNodeLost?.fits ?? true;
  const verdict: Verdict = !nodeFits ? 'bad' : !after.fits ? 'warn' : 'ok';
  return fig({
    id: 'workload-n1',
    label: 'Workload N+1',
    text: worstUse === null ? 'no capacity left' : `${pct(worstUse)} used`,
    value: worstUse,
    unit: 'fraction',
    verdict,
    better: 'lower',
    panel: 'capacity',
    why: `${after.label}: ${int(after.nodesLeft)} nodes left, ${int(after.evictedPods)} pods to reschedule; ${after.fits ? 'every pod still fits' : 'not every pod fits'}${nodeFits ? '' : ' (even losing one node does not fit)'}`,
  });
}

function storageFigure(r: Report): HeadlineFigure {
  const s = r.storage;
  if (s.provider === 'none' || s.nodes === 0 || s.headroom.length === 0) {
    return fig({
      id: 'storage-headroom',
      label: 'Storage after worst failure',
      text: 'no replicated storage',
      value: null,
      unit: '',
      verdict: 'info',
      better: null,
      panel: 'storage',
      why: s.findings[0]?.message ?? 'the plan has no storage provider',
    });
  }
  // The scenario with the worst severity wins; among equals the one that leaves the fullest domain.
  // fillAfter is null when no domain survives (reports carry no Infinity): that scenario is the worst.
  // The severity is the storage model's (`HeadroomScenario.severity`), the same one its
  // STORAGE-REREPLICATE finding carries, so the strip and the findings never disagree.
  const rank = (h: (typeof s.headroom)[number]) => (h.severity === 'error' ? 2 : h.severity === 'warning' ? 1 : 0);
  const fill = (h: { fillAfter: number | null }) => h.fillAfter ?? Infinity;
  const worst = s.headroom.reduce((w, h) => (rank(h) > rank(w) || (rank(h) === rank(w) && fill(h) > fill(w)) ? h : w));
  const worstFill = worst.fillAfter;
  const finite = worstFill !== null && worst.domainsSuffice;
  const verdict: Verdict = worst.severity === 'error' ? 'bad' : worst.severity === 'warning' ? 'warn' : 'ok';
  const text =
    worst.severity === 'error'
      ? 'data goes offline'
      : !worst.domainsSuffice
        ? 'degraded, no rebuild'
        : finite && worstFill !== null
          ? `${pct(worstFill)} full${worst.fits ? '' : ', no rebuild'}`
          : 'cannot re-replicate';
  return fig({
    id: 'storage-headroom',
    label: 'Storage after worst failure',
    text,
    value: finite ? worstFill : null,
    unit: 'fraction',
    verdict,
    better: 'lower',
    panel: 'storage',
    why: `losing the ${worst.scenario === 'largest-node' ? 'largest node' : 'largest rack'} (${worst.lostId}): ${worst.reason}`,
  });
}

function kubespanFigure(r: Report): HeadlineFigure {
  const ks = r.network.kubespan;
  const guidance = 100;
  // The KubeSpan rules are the advisor's: RA-KUBESPAN-SIZE, RA-KUBESPAN-THROUGHPUT and KUBESPAN-VERDICT
  // (a warning when the plan spans sites and KubeSpan is off), and the network model's
  // NET-FLANNEL-FRAGMENTATION, which only fires for Flannel inside KubeSpan.
  const worst = worstFinding(r, ['NET-FLANNEL-FRAGMENTATION', 'RA-KUBESPAN-SIZE', 'RA-KUBESPAN-THROUGHPUT', 'KUBESPAN-VERDICT']);
  if (!ks.enabled) {
    return fig({
      id: 'kubespan',
      label: 'KubeSpan',
      text: 'off',
      value: null,
      unit: '',
      verdict: worst ? VERDICT_OF[worst.severity] : 'info',
      word: worst ? `off, ${WORD[VERDICT_OF[worst.severity]]}` : 'off',
      better: null,
      panel: 'network',
      why: worst ? worst.message : `${int(ks.nodes)} nodes would mean ${int(ks.tunnels)} tunnels if it were on`,
    });
  }
  const verdict: Verdict = worst ? VERDICT_OF[worst.severity] : 'ok';
  return fig({
    id: 'kubespan',
    label: 'KubeSpan',
    text: `${int(ks.nodes)}-node mesh`,
    value: ks.nodes,
    unit: 'nodes',
    verdict,
    better: 'lower',
    panel: 'network',
    why:
      worst && (worst.severity === 'error' || ks.nodes <= guidance)
        ? worst.message
        : ks.nodes > guidance
          ? `a full mesh past the ${guidance}-node guidance: ${int(ks.tunnels)} tunnels, ${int(ks.peersPerNode)} peers per node`
          : `${int(ks.tunnels)} tunnels, within the ${guidance}-node guidance; encryption takes up to ${pct(ks.maxCpuShare)} of a node's cores`,
  });
}

/** Racks: "all 8 survive", "4 of 6 fail, 2 on one feed": racks that go dark (or lose nodes) apart from those only ever on one feed. */
function powerText(total: number, failing: readonly Report['physical']['racks'][number][]): string {
  if (failing.length === 0) return `all ${int(total)} survive`;
  // A feed over its capacity trips with every feed up, whatever the rack's feed-loss verdict.
  const dark = (x: (typeof failing)[number]) => x.power.verdict === 'overloads' || x.power.feeds.some((f) => f.peakW > f.capacityW);
  const single = failing.filter((x) => !dark(x) && x.power.verdict === 'single-feed').length;
  const fail = failing.length - single;
  if (fail === 0) return `${int(single)} of ${int(total)} on one feed`;
  return `${int(fail)} of ${int(total)} fail${single > 0 ? `, ${int(single)} on one feed` : ''}`;
}

function powerFigure(r: Report): HeadlineFigure {
  const racks = r.physical.racks.filter((x) => x.power.verdict !== 'provider-managed');
  const failing = racks.filter((x) => x.power.verdict !== 'survives');
  // POWER-FEED-OVER-CAPACITY and POWER-FEED-LOSS decide: a rack that goes dark with a feed it was
  // meant to survive on is an error, one that was only ever on one feed a warning.
  const worst = worstFinding(r, ['POWER-FEED-OVER-CAPACITY', 'POWER-FEED-LOSS']);
  return fig({
    id: 'power-n1',
    label: 'Power N-1',
    text: powerText(racks.length, failing),
    value: failing.length,
    unit: 'racks',
    verdict: racks.length === 0 ? 'info' : worst ? VERDICT_OF[worst.severity] : 'ok',
    better: 'lower',
    panel: 'capacity',
    why:
      worst?.message ??
      (failing.length === 0
        ? 'every rack keeps its nodes powered after losing one feed'
        : `${failing[0].name}: ${failing[0].power.reasons[0] ?? failing[0].power.verdict}`),
  });
}

/** Counts by severity, when the report carries findings (the advisor adds them). */
function findingsFigure(r: Report): HeadlineFigure | null {
  const findings = r.findings;
  if (!Array.isArray(findings)) return null;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const verdict: Verdict = counts.error > 0 ? 'bad' : counts.warning > 0 ? 'warn' : 'ok';
  return fig({
    id: 'findings',
    label: 'Findings',
    // Notes are in the why and the Findings tab: the cell keeps room for what needs action.
    text: `${plural(counts.error, 'error')} · ${plural(counts.warning, 'warning')}`,
    value: counts.error + counts.warning,
    unit: 'errors and warnings',
    verdict,
    better: 'lower',
    panel: 'findings',
    why: `${plural(counts.info, 'note')}; ${findings.find((f) => f.severity !== 'info')?.message ?? 'no errors or warnings'}`,
  });
}

/**
 * The headline of a report: the figures a planner reads first, each with its unit, a verdict
 * (colour plus a word), one sentence of why and the panel that explains it. Pure text from the
 * report; the verdict thresholds are the models' own (quorum, the 1 s API SLO, N-1 fits, the
 * storage blocking threshold, the 100-node KubeSpan guidance, feed-loss verdicts).
 */
export function headline(r: Report): HeadlineFigure[] {
  return [
    ...etcdFigures(r),
    latencyFigure(r),
    sizingFigure(r),
    workloadFigure(r),
    storageFigure(r),
    kubespanFigure(r),
    powerFigure(r),
    findingsFigure(r),
  ].filter((f): f is HeadlineFigure => f !== null);
}
