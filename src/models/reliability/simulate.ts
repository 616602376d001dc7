import { seededRandom, type Random } from '../stats/random';
import { KIND_COUNT } from './componentKinds';
import { DISK, FEED, NODE, RACK, ROOM, SITE, SITE_LINK, TOR, type SimModel } from './simModel';

/** Per-kind fields of `SimPartial.byKind` (index = kind · KIND_FIELDS + field). */
export const K_EVENTS = 0, K_DOWN_HOURS = 1, K_NODE_DOWN_HOURS = 2, K_QUORUM_LOSSES = 3, K_QUORUM_HOURS = 4,
  K_API_HOURS = 5, K_DATA_LOSSES = 6, K_BYTES_LOST = 7, K_UNAVAILABLE_HOURS = 8, K_CAPACITY_HOURS = 9;
export const KIND_FIELDS = 10;

/** Per-trial figures kept as sum and sum of squares (`SimPartial.moments`, index = figure · 2). */
export const M_QUORUM_HOURS = 0, M_API_HOURS = 1, M_UNAVAILABLE_HOURS = 2, M_CAPACITY_HOURS = 3;
export const MOMENTS = 4;

/**
 * What a batch of trials found: counts and sums that merge by addition (`mergePartials`), so
 * chunks run anywhere in any order give the same totals. Hours figures are per mission year.
 */
export interface SimPartial {
  trials: number;
  events: number;
  /** Component-hours simulated: components × mission hours × trials. */
  componentHours: number;
  /** Per checkpoint: trials whose first quorum loss / data loss / capacity shortfall came by then. */
  quorumLossWithin: Float64Array;
  apiLossWithin: Float64Array;
  dataLossWithin: Float64Array;
  capacityShortWithin: Float64Array;
  /** Per checkpoint: Σ and Σ² over trials of logical bytes lost by then. */
  bytesLost: Float64Array;
  bytesLostSq: Float64Array;
  /** Σ and Σ² over trials of hours per year without quorum, without API, with a unit unavailable, short of capacity. */
  moments: Float64Array;
  byKind: Float64Array;
}

export function emptyPartial(checkpoints: number): SimPartial {
  return {
    trials: 0, events: 0, componentHours: 0,
    quorumLossWithin: new Float64Array(checkpoints), apiLossWithin: new Float64Array(checkpoints),
    dataLossWithin: new Float64Array(checkpoints), capacityShortWithin: new Float64Array(checkpoints),
    bytesLost: new Float64Array(checkpoints), bytesLostSq: new Float64Array(checkpoints),
    moments: new Float64Array(MOMENTS * 2), byKind: new Float64Array(KIND_COUNT * KIND_FIELDS),
  };
}

/** Adds b into a (in place) and returns a: partial results of disjoint trial chunks merge by addition. */
export function mergePartials(a: SimPartial, b: SimPartial): SimPartial {
  a.trials += b.trials;
  a.events += b.events;
  a.componentHours += b.componentHours;
  const add = (x: Float64Array, y: Float64Array) => { for (let i = 0; i < x.length; i++) x[i] += y[i]; };
  add(a.quorumLossWithin, b.quorumLossWithin);
  add(a.apiLossWithin, b.apiLossWithin);
  add(a.dataLossWithin, b.dataLossWithin);
  add(a.capacityShortWithin, b.capacityShortWithin);
  add(a.bytesLost, b.bytesLost);
  add(a.bytesLostSq, b.bytesLostSq);
  add(a.moments, b.moments);
  add(a.byKind, b.byKind);
  return a;
}

/** The generator seed of chunk `chunk` of a run seeded `seed` (distinct chunks get unrelated streams). */
export function chunkSeed(seed: number, chunk: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(chunk + 1, 0x85ebca6b)) >>> 0;
}

/**
 * Simulates `trials` missions of the plan (each `checkpointsHours` long at its last checkpoint),
 * event by event: every component alternates exponential times to failure (its annual rate) and
 * repair times (exponential or lognormal around its mean), one repair at a time when the crew is
 * serial. Consequences follow the plan's structure: a node is down when it, its rack, room or
 * site fails, every feed it draws from is dark (a lost feed may trip the other: `rackTrip`) or
 * every switch it is cabled to is down. etcd keeps quorum while some group of sites that can
 * still talk holds ⌊n/2⌋ + 1 live members; the API is lost without quorum, or when the quorum's
 * side of a site partition holds no live schedulable node while another side does. A storage unit
 * is unavailable while fewer than `minAvailable` shards are intact on live nodes, and lost when
 * fewer than `needed` shards are intact (a disk failure destroys its shards until rebuilt).
 * Workload capacity is short while live schedulable cores are below `coresNeeded`.
 * Each risk is credited to the kind of the event that started it.
 * The loop allocates nothing per event: all state is in typed arrays sized once here.
 * Chunk `chunk` draws from `seededRandom(chunkSeed(seed, chunk))`, so a run is the same whatever
 * runs its chunks.
 */
export function simulateTrials(m: SimModel, seed: number, chunk: number, trials: number): SimPartial {
  return simulateWith(m, seededRandom(chunkSeed(seed, chunk)), trials);
}

export function simulateWith(m: SimModel, rng: Random, trials: number): SimPartial {
  const C = m.compCount;
  const D = m.diskCount;
  const H = C + D;
  const CP = m.checkpointsHours.length;
  const T = m.checkpointsHours[CP - 1];
  const missionYears = T / 8766;
  const out = emptyPartial(CP);
  const byKind = out.byKind;

  // Indexed binary min-heap over items (components, then disk rebuild timers) keyed by `when`.
  const heap = new Int32Array(H);
  const pos = new Int32Array(H);
  const when = new Float64Array(H);
  const siftUp = (i: number) => {
    const item = heap[i];
    const t = when[item];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pi = heap[p];
      if (when[pi] <= t) break;
      heap[i] = pi; pos[pi] = i; i = p;
    }
    heap[i] = item; pos[item] = i;
  };
  const siftDown = (i: number) => {
    const item = heap[i];
    const t = when[item];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= H) break;
      if (c + 1 < H && when[heap[c + 1]] < when[heap[c]]) c++;
      if (when[heap[c]] >= t) break;
      heap[i] = heap[c]; pos[heap[c]] = i; i = c;
    }
    heap[i] = item; pos[item] = i;
  };
  const schedule = (item: number, t: number) => {
    const old = when[item];
    when[item] = t;
    if (t < old) siftUp(pos[item]); else siftDown(pos[item]);
  };

  const compDown = new Uint8Array(C);
  const queue = new Int32Array(C + 1);
  let qHead = 0, qLen = 0, crewBusy = false;
  const nodeFailed = new Uint8Array(m.nodeCount);
  const nodeDown = new Uint8Array(m.nodeCount);
  const nodeDownKind = new Uint8Array(m.nodeCount);
  const torDown = new Uint8Array(m.rackCount);
  const feedDown = new Uint8Array(m.rackCount);
  const rackFailed = new Uint8Array(m.rackCount);
  const roomFailed = new Uint8Array(m.roomCount);
  const siteFailed = new Uint8Array(m.siteCount);
  const linkDown = new Uint8Array(m.siteLinkA.length);
  let linksDown = 0;
  const diskIntact = new Uint8Array(D);
  const unitIntact = new Int32Array(m.unitCount);
  const unitReach = new Int32Array(m.unitCount);
  const unitTracked = new Uint8Array(m.unitCount);
  for (let u = 0; u < m.unitCount; u++) unitTracked[u] = m.unitWidth[u] >= m.needed && m.unitWidth[u] >= m.minAvailable ? 1 : 0;
  const siteMembersUp = new Int32Array(m.siteCount);
  const siteSchedUp = new Int32Array(m.siteCount);
  const siteMembersInit = new Int32Array(m.siteCount);
  const siteSchedInit = new Int32Array(m.siteCount);
  let schedTotal = 0;
  for (let n = 0; n < m.nodeCount; n++) {
    siteMembersInit[m.nodeSite[n]] += m.nodeIsMember[n];
    siteSchedInit[m.nodeSite[n]] += m.nodeSchedulable[n];
    schedTotal += m.nodeSchedulable[n];
  }
  const parent = new Int32Array(m.siteCount);
  const groupMembers = new Int32Array(m.siteCount);
  const groupSched = new Int32Array(m.siteCount);
  const compDownByKind = new Int32Array(KIND_COUNT);
  const nodesDownByKind = new Int32Array(KIND_COUNT);
  const trialBytes = new Float64Array(CP);

  // Doubles that change per event live in a typed array: a captured `let` holding a double would
  // box a fresh heap number on every write, which is an allocation per event.
  const v = new Float64Array(10);
  const NOW = 0, UP_CORES = 1, Q_HOURS = 2, A_HOURS = 3, U_HOURS = 4, C_HOURS = 5, FIRST_QUORUM = 6, FIRST_API = 7, FIRST_LOSS = 8, FIRST_SHORT = 9;
  let membersUp = 0, schedUp = 0, unavailableUnits = 0;
  let quorumOk = true, apiOk = true, capacityShort = false, unavailable = false;
  let lastQuorumSched = 0;
  let quorumKind = 0, apiKind = 0, unavailableKind = 0, capacityKind = 0;
  const capacityMatters = m.coresTotal > 0;

  const drawRepair = (c: number, mean: number): number => {
    const s = m.repairSigma[c];
    if (s === 0) return -mean * Math.log(1 - rng.next());
    return mean * Math.exp(-0.5 * s * s + s * rng.normal());
  };
  const drawFailure = (c: number): number => {
    const rate = m.failuresPerHour[c];
    return rate > 0 ? -Math.log(1 - rng.next()) / rate : Infinity;
  };
  const find = (x: number): number => {
    while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; }
    return x;
  };

  const unitShardGone = (u: number) => {
    if (!unitTracked[u]) return;
    if (unitReach[u]-- === m.minAvailable) unavailableUnits++;
  };
  const unitShardBack = (u: number) => {
    if (!unitTracked[u]) return;
    if (++unitReach[u] === m.minAvailable) unavailableUnits--;
  };

  const setNode = (n: number, down: number, kind: number) => {
    nodeDown[n] = down;
    const delta = down ? -1 : 1;
    if (down) { nodeDownKind[n] = kind; nodesDownByKind[kind]++; } else nodesDownByKind[nodeDownKind[n]]--;
    const site = m.nodeSite[n];
    if (m.nodeIsMember[n]) { siteMembersUp[site] += delta; membersUp += delta; }
    if (m.nodeSchedulable[n]) { siteSchedUp[site] += delta; schedUp += delta; v[UP_CORES] += delta * m.nodeCores[n]; }
    for (let i = m.nodeDiskStart[n], e = m.nodeDiskStart[n + 1]; i < e; i++) {
      const d = m.nodeDisks[i];
      if (!diskIntact[d]) continue;
      for (let j = m.diskUnitStart[d], f = m.diskUnitStart[d + 1]; j < f; j++) {
        if (down) unitShardGone(m.diskUnits[j]); else unitShardBack(m.diskUnits[j]);
      }
    }
  };
  const nodeIsDown = (n: number): number => {
    if (nodeFailed[n]) return 1;
    const r = m.nodeRack[n];
    if (rackFailed[r] || roomFailed[m.rackRoom[r]] || siteFailed[m.rackSite[r]]) return 1;
    const fd = feedDown[r];
    if (fd !== 0 && ((m.rackFeedMask[r] & ~fd) === 0 || (m.rackTrip[r] & fd) !== 0)) return 1;
    const fm = m.nodeFeedMask[n];
    if (fm !== 0 && (fm & ~fd) === 0) return 1;
    const tm = m.nodeTorMask[n];
    if (tm !== 0 && (tm & ~torDown[r]) === 0) return 1;
    return 0;
  };
  const refreshNode = (n: number, kind: number) => {
    const down = nodeIsDown(n);
    if (down !== nodeDown[n]) setNode(n, down, kind);
  };
  const refreshRack = (r: number, kind: number) => {
    for (let i = m.rackNodeStart[r], e = m.rackNodeStart[r + 1]; i < e; i++) refreshNode(m.rackNodes[i], kind);
  };
  const destroyDisk = (d: number) => {
    diskIntact[d] = 0;
    const up = !nodeDown[m.diskNode[d]];
    for (let j = m.diskUnitStart[d], f = m.diskUnitStart[d + 1]; j < f; j++) {
      const u = m.diskUnits[j];
      if (up) unitShardGone(u);
      if (unitIntact[u]-- === m.needed && unitTracked[u]) {
        const bytes = m.unitBytes[u];
        byKind[DISK * KIND_FIELDS + K_DATA_LOSSES]++;
        byKind[DISK * KIND_FIELDS + K_BYTES_LOST] += bytes;
        const now = v[NOW];
        if (now < v[FIRST_LOSS]) v[FIRST_LOSS] = now;
        for (let c = 0; c < CP; c++) if (now <= m.checkpointsHours[c]) trialBytes[c] += bytes;
      }
    }
  };
  const restoreDisk = (d: number) => {
    diskIntact[d] = 1;
    const up = !nodeDown[m.diskNode[d]];
    for (let j = m.diskUnitStart[d], f = m.diskUnitStart[d + 1]; j < f; j++) {
      const u = m.diskUnits[j];
      unitIntact[u]++;
      if (up) unitShardBack(u);
    }
  };
  const quorumNow = (): boolean => {
    if (m.members === 0) return true;
    if (linksDown === 0) return membersUp >= m.quorum;
    for (let s = 0; s < m.siteCount; s++) { parent[s] = s; groupMembers[s] = 0; groupSched[s] = 0; }
    for (let l = 0; l < linkDown.length; l++) {
      const a = m.siteLinkA[l], b = m.siteLinkB[l];
      if (linkDown[l] || siteFailed[a] || siteFailed[b]) continue;
      const ra = find(a), rb = find(b);
      if (ra !== rb) parent[ra] = rb;
    }
    for (let s = 0; s < m.siteCount; s++) { const g = find(s); groupMembers[g] += siteMembersUp[s]; groupSched[g] += siteSchedUp[s]; }
    for (let s = 0; s < m.siteCount; s++) if (groupMembers[s] >= m.quorum) { lastQuorumSched = groupSched[s]; return true; }
    return false;
  };

  const advance = (t: number) => {
    const dt = t - v[NOW];
    if (dt <= 0) return;
    for (let k = 0; k < KIND_COUNT; k++) {
      byKind[k * KIND_FIELDS + K_DOWN_HOURS] += compDownByKind[k] * dt;
      byKind[k * KIND_FIELDS + K_NODE_DOWN_HOURS] += nodesDownByKind[k] * dt;
    }
    if (!quorumOk) { v[Q_HOURS] += dt; byKind[quorumKind * KIND_FIELDS + K_QUORUM_HOURS] += dt; }
    if (!apiOk) { v[A_HOURS] += dt; byKind[apiKind * KIND_FIELDS + K_API_HOURS] += dt; }
    if (unavailable) { v[U_HOURS] += dt; byKind[unavailableKind * KIND_FIELDS + K_UNAVAILABLE_HOURS] += dt; }
    if (capacityShort) { v[C_HOURS] += dt; byKind[capacityKind * KIND_FIELDS + K_CAPACITY_HOURS] += dt; }
    v[NOW] = t;
  };
  const startRepair = (c: number) => {
    if (m.serialRepair) {
      if (crewBusy) {
        queue[(qHead + qLen) % (C + 1)] = c;
        qLen++;
        schedule(c, Infinity);
        return;
      }
      crewBusy = true;
    }
    schedule(c, v[NOW] + drawRepair(c, m.repairMeanHours[c]));
  };

  for (let trial = 0; trial < trials; trial++) {
    compDown.fill(0); nodeFailed.fill(0); nodeDown.fill(0); torDown.fill(0); feedDown.fill(0);
    rackFailed.fill(0); roomFailed.fill(0); siteFailed.fill(0); linkDown.fill(0); diskIntact.fill(1);
    compDownByKind.fill(0); nodesDownByKind.fill(0); trialBytes.fill(0);
    for (let u = 0; u < m.unitCount; u++) { unitIntact[u] = m.unitWidth[u]; unitReach[u] = m.unitWidth[u]; }
    siteMembersUp.set(siteMembersInit); siteSchedUp.set(siteSchedInit);
    membersUp = m.members; schedUp = schedTotal; unavailableUnits = 0; linksDown = 0;
    qHead = 0; qLen = 0; crewBusy = false;
    quorumOk = m.members === 0 || m.members >= m.quorum; apiOk = quorumOk; capacityShort = false; unavailable = false;
    v.fill(0);
    v[UP_CORES] = m.coresTotal;
    v[FIRST_QUORUM] = Infinity; v[FIRST_API] = Infinity; v[FIRST_LOSS] = Infinity; v[FIRST_SHORT] = Infinity;
    for (let c = 0; c < C; c++) when[c] = drawFailure(c);
    for (let i = C; i < H; i++) when[i] = Infinity;
    for (let i = 0; i < H; i++) { heap[i] = i; pos[i] = i; }
    for (let i = (H >> 1) - 1; i >= 0; i--) siftDown(i);

    while (H > 0) {
      const item = heap[0];
      const t = when[item];
      if (t > T) break;
      advance(t);
      out.events++;
      let kind: number;
      if (item >= C) {
        kind = DISK;
        restoreDisk(item - C);
        schedule(item, Infinity);
      } else {
        const c = item;
        kind = m.compKind[c];
        const target = m.compTarget[c];
        if (!compDown[c]) {
          compDown[c] = 1;
          compDownByKind[kind]++;
          byKind[kind * KIND_FIELDS + K_EVENTS]++;
          startRepair(c);
          switch (kind) {
            case DISK:
              // A disk that fails again while its earlier shards are still being rebuilt elsewhere holds nothing yet.
              if (when[C + target] === Infinity && diskIntact[target]) {
                destroyDisk(target);
                const rebuild = m.diskRebuildHours[target];
                if (rebuild > 0) schedule(C + target, v[NOW] + drawRepair(c, rebuild));
              }
              break;
            case NODE: nodeFailed[target] = 1; refreshNode(target, kind); break;
            case TOR: torDown[target >> 1] |= 1 << (target & 1); refreshRack(target >> 1, kind); break;
            case FEED: feedDown[target >> 1] |= 1 << (target & 1); refreshRack(target >> 1, kind); break;
            case RACK: rackFailed[target] = 1; refreshRack(target, kind); break;
            case ROOM: roomFailed[target] = 1; for (let r = 0; r < m.rackCount; r++) if (m.rackRoom[r] === target) refreshRack(r, kind); break;
            case SITE: siteFailed[target] = 1; for (let r = 0; r < m.rackCount; r++) if (m.rackSite[r] === target) refreshRack(r, kind); break;
            case SITE_LINK: linkDown[target] = 1; linksDown++; break;
          }
        } else {
          compDown[c] = 0;
          compDownByKind[kind]--;
          schedule(c, v[NOW] + drawFailure(c));
          if (m.serialRepair) {
            if (qLen > 0) {
              const next = queue[qHead];
              qHead = (qHead + 1) % (C + 1);
              qLen--;
              schedule(next, v[NOW] + drawRepair(next, m.repairMeanHours[next]));
            } else crewBusy = false;
          }
          switch (kind) {
            case DISK:
              if (m.diskRebuildHours[target] === 0 && !diskIntact[target]) restoreDisk(target);
              break;
            case NODE: nodeFailed[target] = 0; refreshNode(target, kind); break;
            case TOR: torDown[target >> 1] &= ~(1 << (target & 1)); refreshRack(target >> 1, kind); break;
            case FEED: feedDown[target >> 1] &= ~(1 << (target & 1)); refreshRack(target >> 1, kind); break;
            case RACK: rackFailed[target] = 0; refreshRack(target, kind); break;
            case ROOM: roomFailed[target] = 0; for (let r = 0; r < m.rackCount; r++) if (m.rackRoom[r] === target) refreshRack(r, kind); break;
            case SITE: siteFailed[target] = 0; for (let r = 0; r < m.rackCount; r++) if (m.rackSite[r] === target) refreshRack(r, kind); break;
            case SITE_LINK: linkDown[target] = 0; linksDown--; break;
          }
        }
      }
      // System-level states after the event; a transition into a bad state is credited to this event's kind.
      lastQuorumSched = schedUp;
      const q = quorumNow();
      const a = q && !(linksDown > 0 && lastQuorumSched === 0 && schedUp > 0);
      if (!q && quorumOk) { quorumKind = kind; byKind[kind * KIND_FIELDS + K_QUORUM_LOSSES]++; if (v[NOW] < v[FIRST_QUORUM]) v[FIRST_QUORUM] = v[NOW]; }
      if (!a && apiOk) { apiKind = kind; if (v[NOW] < v[FIRST_API]) v[FIRST_API] = v[NOW]; }
      quorumOk = q; apiOk = a;
      const un = unavailableUnits > 0;
      if (un && !unavailable) unavailableKind = kind;
      unavailable = un;
      const short = capacityMatters && v[UP_CORES] < m.coresNeeded;
      if (short && !capacityShort) { capacityKind = kind; if (v[NOW] < v[FIRST_SHORT]) v[FIRST_SHORT] = v[NOW]; }
      capacityShort = short;
    }
    advance(T);
    out.trials++;
    out.componentHours += C * T;
    for (let c = 0; c < CP; c++) {
      const at = m.checkpointsHours[c];
      if (v[FIRST_QUORUM] <= at) out.quorumLossWithin[c]++;
      if (v[FIRST_API] <= at) out.apiLossWithin[c]++;
      if (v[FIRST_LOSS] <= at) out.dataLossWithin[c]++;
      if (v[FIRST_SHORT] <= at) out.capacityShortWithin[c]++;
      out.bytesLost[c] += trialBytes[c];
      out.bytesLostSq[c] += trialBytes[c] * trialBytes[c];
    }
    const mo = out.moments;
    const q = v[Q_HOURS] / missionYears, a = v[A_HOURS] / missionYears, u = v[U_HOURS] / missionYears, cap = v[C_HOURS] / missionYears;
    mo[M_QUORUM_HOURS * 2] += q; mo[M_QUORUM_HOURS * 2 + 1] += q * q;
    mo[M_API_HOURS * 2] += a; mo[M_API_HOURS * 2 + 1] += a * a;
    mo[M_UNAVAILABLE_HOURS * 2] += u; mo[M_UNAVAILABLE_HOURS * 2 + 1] += u * u;
    mo[M_CAPACITY_HOURS * 2] += cap; mo[M_CAPACITY_HOURS * 2 + 1] += cap * cap;
  }
  return out;
}
