import type { Report } from '../report';
import { SEVERITIES, type Finding, type Severity } from '../finding';
import { int, ms, pct } from '../../format/units';

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

const WORD: Record<Verdict, string> = { ok: 'fine', warn: 'tight', bad: 'fails', info: 'note' };

const fig = (f: Omit<HeadlineFigure, 'word'> & { word?: string }): HeadlineFigure => ({ ...f, word: f.word ?? WORD[f.verdict] });

/** Levels the tolerance figure lists, in the order an operator thinks of them. */
const LEVELS = ['node', 'rack', 'tor', 'power', 'row', 'room', 'site'] as const;
const LEVEL_SHORT: Record<string, string> = { node: 'node', rack: 'rack', tor: 'ToR', power: 'feed', row: 'row', room: 'room', site: 'site' };

function etcdFigures(r: Report): HeadlineFigure[] {
  const q = r.controlPlane.quorum;
  const tol = LEVELS.map((l) => r.controlPlane.tolerance.find((t) => t.level === l)).filter((t) => t !== undefined && t.domains > 1);
  const weakest = tol.reduce<(typeof tol)[number] | undefined>((w, t) => (w === undefined || t!.tolerance < w.tolerance ? t : w), undefined);
  // One member tolerates nothing; a level whose single domain loss loses quorum is a placement problem.
  const verdict: Verdict = q.toleratedFailures === 0 ? 'bad' : tol.some((t) => t!.critical.length > 0) ? 'warn' : 'ok';
  return [
    fig({
      id: 'etcd-quorum',
      label: 'etcd quorum',
      text: `${q.quorum} of ${q.members} members`,
      value: q.toleratedFailures,
      unit: 'member failures',
      verdict: q.toleratedFailures === 0 ? 'bad' : q.evenCount ? 'warn' : 'ok',
      better: 'higher',
      panel: 'control-plane',
      why: `${q.members} member${q.members === 1 ? '' : 's'} need ${q.quorum} for quorum, so ${q.toleratedFailures} may fail${q.evenCount ? '; an even count tolerates no more than one member fewer' : ''}`,
    }),
    fig({
      id: 'etcd-tolerance',
      label: 'Tolerates (domains)',
      text: tol.map((t) => `${LEVEL_SHORT[t!.level]} ${t!.tolerance}`).join(' · ') || 'no domains',
      value: weakest?.tolerance ?? null,
      unit: 'domains',
      verdict,
      better: 'higher',
      panel: 'control-plane',
      why: weakest ? `weakest level: ${weakest.why}` : 'no failure domain holds more than one place',
    }),
  ];
}

function latencyFigure(r: Report): HeadlineFigure | null {
  const lat = r.controlPlane.latency;
  if (!lat) return null;
  const api = r.controlPlane.api;
  const p99 = lat.worst.writeMs.p99;
  // The only sourced bar: the Kubernetes SLO of 1 s p99 for mutating API calls, which etcd writes feed.
  const verdict: Verdict = !api ? 'info' : !api.allUp.meetsSlo ? 'bad' : api.oneDown && !api.oneDown.meetsSlo ? 'warn' : 'ok';
  return fig({
    id: 'write-p99',
    label: 'Write latency p99',
    text: ms(p99),
    value: p99,
    unit: 'ms',
    verdict,
    better: 'lower',
    panel: 'control-plane',
    why: api
      ? `etcd write p99 with the worst leader (${lat.worst.leader}); mutating API p99 ${ms(api.allUp.p99Ms)} against the 1 s SLO`
      : `etcd write p99 with the worst leader (${lat.worst.leader})`,
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
  // The scenario that fails wins; among equals the one that leaves the fullest domain.
  // fillAfter is null when no domain survives (reports carry no Infinity): that scenario is the worst.
  const fill = (h: { fillAfter: number | null }) => h.fillAfter ?? Infinity;
  const worst = s.headroom.reduce((w, h) => ((!h.fits && w.fits) || (h.fits === w.fits && fill(h) > fill(w)) ? h : w));
  const worstFill = worst.fillAfter;
  const finite = worstFill !== null && worst.domainsSuffice;
  const verdict: Verdict = s.headroom.every((h) => h.fits) ? 'ok' : 'bad';
  return fig({
    id: 'storage-headroom',
    label: 'Storage after worst failure',
    text: !worst.domainsSuffice ? 'too few domains left' : finite && worstFill !== null ? `${pct(worstFill)} full` : 'cannot re-replicate',
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
  if (!ks.enabled) {
    return fig({
      id: 'kubespan',
      label: 'KubeSpan',
      text: 'off',
      value: null,
      unit: '',
      verdict: 'info',
      word: 'off',
      better: null,
      panel: 'network',
      why: `${int(ks.nodes)} nodes would mean ${int(ks.tunnels)} tunnels if it were on`,
    });
  }
  // The KubeSpan rules are the advisor's (RA-KUBESPAN-SIZE, RA-KUBESPAN-THROUGHPUT).
  const kubespanFindings = (r.findings ?? []).filter((f) => f.ruleId.startsWith('RA-KUBESPAN') && f.severity !== 'info');
  const critical = kubespanFindings.some((f) => f.severity === 'error');
  const verdict: Verdict = critical ? 'bad' : ks.nodes > guidance || kubespanFindings.length > 0 ? 'warn' : 'ok';
  return fig({
    id: 'kubespan',
    label: 'KubeSpan',
    text: `${int(ks.nodes)} nodes, ${int(ks.tunnels)} tunnels`,
    value: ks.nodes,
    unit: 'nodes',
    verdict,
    better: 'lower',
    panel: 'network',
    why:
      ks.nodes > guidance
        ? `a full mesh past the ${guidance}-node guidance: ${int(ks.peersPerNode)} peers per node`
        : `full mesh within the ${guidance}-node guidance; encryption takes up to ${pct(ks.maxCpuShare)} of a node's cores`,
  });
}

function powerFigure(r: Report): HeadlineFigure {
  const racks = r.physical.racks.filter((x) => x.power.verdict !== 'provider-managed');
  const failing = racks.filter((x) => x.power.verdict !== 'survives');
  return fig({
    id: 'power-n1',
    label: 'Power N-1',
    text: failing.length === 0 ? `all ${int(racks.length)} racks survive` : `${int(failing.length)} of ${int(racks.length)} racks fail`,
    value: failing.length,
    unit: 'racks',
    verdict: racks.length === 0 ? 'info' : failing.length === 0 ? 'ok' : 'bad',
    better: 'lower',
    panel: 'capacity',
    why:
      failing.length === 0
        ? 'every rack keeps its nodes powered after losing one feed'
        : `${failing[0].name}: ${failing[0].power.reasons[0] ?? failing[0].power.verdict}`,
  });
}

/** Counts by severity, when the report carries findings (the advisor adds them). */
function findingsFigure(r: Report): HeadlineFigure | null {
  const findings = (r as Report & { findings?: readonly Finding[] }).findings;
  if (!Array.isArray(findings)) return null;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  const verdict: Verdict = counts.error > 0 ? 'bad' : counts.warning > 0 ? 'warn' : 'ok';
  return fig({
    id: 'findings',
    label: 'Findings',
    text: `${counts.error} errors · ${counts.warning} warnings · ${counts.info} notes`,
    value: counts.error + counts.warning,
    unit: 'errors and warnings',
    verdict,
    better: 'lower',
    panel: 'findings',
    why: findings.find((f) => f.severity !== 'info')?.message ?? 'no errors or warnings',
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
