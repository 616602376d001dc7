import { seededRandom, type Random } from '../stats/random';
import { KIND_COUNT } from './componentKinds';
import { DISK, FEED, NODE, RACK, ROOM, SITE, SITE_LINK, TOR, type SimModel } from './simModel';

// The loop's index constants are const enums: esbuild (tsx, Vite) writes their members as
// literals, whereas a module-level const is, in V8's optimised code, a load from the module
// context with a small-integer check and overflow-checked arithmetic at every use, and an
// imported one a module-binding load with a hole check; a switch over loaded values is a chain
// of compares. (Annotated TurboFan code of refreshNode; measured: see git log.)

/** Per-kind fields of `SimPartial.byKind` (index = kind · KIND_FIELDS + field). */
const enum K {
  EVENTS = 0,
  DOWN_HOURS = 1,
  NODE_DOWN_HOURS = 2,
  QUORUM_LOSSES = 3,
  QUORUM_HOURS = 4,
  API_HOURS = 5,
  DATA_LOSSES = 6,
  BYTES_LOST = 7,
  UNAVAILABLE_HOURS = 8,
  CAPACITY_HOURS = 9,
  FIELDS = 10,
}
export const K_EVENTS: number = K.EVENTS,
  K_DOWN_HOURS: number = K.DOWN_HOURS,
  K_NODE_DOWN_HOURS: number = K.NODE_DOWN_HOURS,
  K_QUORUM_LOSSES: number = K.QUORUM_LOSSES,
  K_QUORUM_HOURS: number = K.QUORUM_HOURS,
  K_API_HOURS: number = K.API_HOURS,
  K_DATA_LOSSES: number = K.DATA_LOSSES,
  K_BYTES_LOST: number = K.BYTES_LOST,
  K_UNAVAILABLE_HOURS: number = K.UNAVAILABLE_HOURS,
  K_CAPACITY_HOURS: number = K.CAPACITY_HOURS;
export const KIND_FIELDS: number = K.FIELDS;

/** simModel's kind codes (`SimModel.compKind`) as literals; the type below stops compilation if they ever differ. */
const enum Kind {
  DISK = 0,
  NODE = 1,
  TOR = 2,
  FEED = 3,
  RACK = 4,
  ROOM = 5,
  SITE = 6,
  SITE_LINK = 7,
}
type _KindCodesAgree = [
  `${Kind.DISK}`,
  `${Kind.NODE}`,
  `${Kind.TOR}`,
  `${Kind.FEED}`,
  `${Kind.RACK}`,
  `${Kind.ROOM}`,
  `${Kind.SITE}`,
  `${Kind.SITE_LINK}`,
] extends [`${typeof DISK}`, `${typeof NODE}`, `${typeof TOR}`, `${typeof FEED}`, `${typeof RACK}`, `${typeof ROOM}`, `${typeof SITE}`, `${typeof SITE_LINK}`]
  ? true
  : never;
const _kindCodesAgree: _KindCodesAgree = true;

/** Per-trial figures kept as sum and sum of squares (`SimPartial.moments`, index = figure · 2). */
const enum M {
  QUORUM_HOURS = 0,
  API_HOURS = 1,
  UNAVAILABLE_HOURS = 2,
  CAPACITY_HOURS = 3,
  COUNT = 4,
}
export const M_QUORUM_HOURS: number = M.QUORUM_HOURS,
  M_API_HOURS: number = M.API_HOURS,
  M_UNAVAILABLE_HOURS: number = M.UNAVAILABLE_HOURS,
  M_CAPACITY_HOURS: number = M.CAPACITY_HOURS;
export const MOMENTS: number = M.COUNT;

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

/**
 * A partial of no trials. Its arrays are consecutive views of one buffer, in the order of
 * `partialSums`: the simulation adds a trial's figures into all of them through that one array.
 */
export function emptyPartial(checkpoints: number): SimPartial {
  const CP = checkpoints;
  const [quorumLossWithin, apiLossWithin, dataLossWithin, capacityShortWithin, bytesLost, bytesLostSq, moments, byKind] = views(
    new Float64Array(6 * CP + M.COUNT * 2 + KIND_COUNT * K.FIELDS),
    [CP, CP, CP, CP, CP, CP, M.COUNT * 2, KIND_COUNT * K.FIELDS],
  );
  return {
    trials: 0,
    events: 0,
    componentHours: 0,
    quorumLossWithin,
    apiLossWithin,
    dataLossWithin,
    capacityShortWithin,
    bytesLost,
    bytesLostSq,
    moments,
    byKind,
  };
}

/**
 * All the arrays of a partial made by emptyPartial, as one: quorumLossWithin at 0, then
 * apiLossWithin, dataLossWithin, capacityShortWithin, bytesLost and bytesLostSq, CP apart
 * (CP = checkpoints), moments at 6 · CP and byKind after them.
 */
function partialSums(p: SimPartial): Float64Array {
  const CP = p.quorumLossWithin.length;
  return new Float64Array(p.quorumLossWithin.buffer, p.quorumLossWithin.byteOffset, 6 * CP + M.COUNT * 2 + KIND_COUNT * K.FIELDS);
}

/** Adds b into a (in place) and returns a: partial results of disjoint trial chunks merge by addition. */
export function mergePartials(a: SimPartial, b: SimPartial): SimPartial {
  a.trials += b.trials;
  a.events += b.events;
  a.componentHours += b.componentHours;
  const add = (x: Float64Array, y: Float64Array) => {
    for (let i = 0; i < x.length; i++) x[i] += y[i];
  };
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
 * Algorithm: the up components' failures are one Poisson process of their summed rate Λ, so one
 * clock (Exp(Λ), ziggurat draws) stands for all of them and the failing component is picked with
 * probability λ_c / Λ; repairs and rebuilds wait in an indexed heap of pending events
 * (src/models/README.md, Reliability). The loop allocates nothing per event: all state is in
 * typed arrays sized once here.
 * Chunk `chunk` draws from `seededRandom(chunkSeed(seed, chunk))`, so a run is the same whatever
 * runs its chunks.
 */
export function simulateTrials(m: SimModel, seed: number, chunk: number, trials: number): SimPartial {
  return simulateWith(m, seededRandom(chunkSeed(seed, chunk)), trials);
}

export function simulateWith(m: SimModel, rng: Random, trials: number): SimPartial {
  const mission = new Mission(m, rng);
  mission.run(trials);
  return mission.out;
}

/** Consecutive views of `buffer`, one per length. */
function views<T extends Uint8Array | Int32Array | Float64Array>(buffer: T, lengths: number[]): T[] {
  let at = 0;
  return lengths.map((n) => buffer.subarray(at, (at += n)) as T);
}

// Indices into `Mission.v`, one Float64Array over every double the loop keeps: the per-kind
// totals first (BY_KIND, as SimPartial.byKind, copied to `out` when the run ends: they are not
// reset per trial), then the per-trial doubles, which a trial's block copy resets. *_SINCE: when
// the current spell without quorum, API, a unit or capacity began (read only while it lasts).
// CLOCK: when the failure clock fires next (∞ while no component is up). COMP_DOWN_SINCE and
// NODES_DOWN_SINCE: per kind, when its count of down components / nodes last changed.
// One array rather than four: each typed array an optimised function touches costs V8 a map
// check and loads of its length and data pointer after every call and loop back edge.
const enum V {
  BY_KIND = 0,
  NOW = 80,
  UP_CORES = 81,
  Q_HOURS = 82,
  A_HOURS = 83,
  U_HOURS = 84,
  C_HOURS = 85,
  FIRST_QUORUM = 86,
  FIRST_API = 87,
  FIRST_LOSS = 88,
  FIRST_SHORT = 89,
  RATE = 90,
  Q_SINCE = 91,
  A_SINCE = 92,
  U_SINCE = 93,
  C_SINCE = 94,
  CLOCK = 95,
  COMP_DOWN_SINCE = 96,
  NODES_DOWN_SINCE = 104,
  TRIAL_BYTES = 112,
}
// Indices into `Mission.ints`, the per-trial integers: per-kind counts of down components and
// nodes at fixed places, then group g's up count at GROUP_UP + g and the rest at offsets the
// Mission holds (groupStartAt, upListAt, upSlotAt); places in the up list are indices of `ints`.
const enum I {
  COMP_DOWN = 0,
  NODES_DOWN = 8,
  GROUP_UP = 16,
}
// The regions above are sized for eight kinds: this stops compilation if KIND_COUNT changes.
const _eightKinds: 8 = KIND_COUNT;
// V's regions are laid out by hand: the per-kind totals must end where NOW starts, and the two
// per-kind "since" regions hold one double per kind. Checked once when the module loads.
if (V.NOW !== KIND_COUNT * K.FIELDS || V.NODES_DOWN_SINCE - V.COMP_DOWN_SINCE !== KIND_COUNT || V.TRIAL_BYTES - V.NODES_DOWN_SINCE !== KIND_COUNT)
  throw new Error('simulate.ts: the layout of Mission.v does not fit KIND_COUNT and K.FIELDS');
// Component c's kind, target and rate group at compInfo[c · 4 + …] (one array, not three).
const enum CI {
  KIND = 0,
  TARGET = 1,
  GROUP = 2,
  FIELDS = 4,
}

// The model's per-node and per-rack integers, packed by record in `Mission.nodeInfo` and
// `Mission.rackInfo` (node n's field f at n · N.FIELDS + f).
const enum N {
  RACK = 0,
  SITE = 1,
  FEEDS = 2,
  TORS = 3,
  MEMBER = 4,
  SCHED = 5,
  DISKS = 6,
  DISKS_END = 7,
  SHARDS = 8,
  SHARDS_END = 9,
  FIELDS = 10,
}
// Disk d's shard list in `Mission.shards` and its node, at diskShards[d · DS.FIELDS + …].
const enum DS {
  START = 0,
  END = 1,
  NODE = 2,
  FIELDS = 4,
}
const enum R {
  ROOM = 0,
  SITE = 1,
  FEEDS = 2,
  TRIP = 3,
  NODES = 4,
  NODES_END = 5,
  // Bit m set: some node of the rack is cabled to the switches (draws from the feeds) of mask m.
  TOR_MASKS = 6,
  FEED_MASKS = 7,
  FIELDS = 8,
}

// What the Mission's typed-array fields hold until its constructor sets them. A field declared
// without a value starts as undefined, and V8 then knows only "any object" of what it holds, so
// optimised code checked the map of every typed array it loaded from the Mission before indexing
// it (about twenty such checks per event). Started with an array of their own type, the fields
// keep that map as their field type, and the checks go (callgrind: 6 % fewer instructions per
// event on the reference example).
const EMPTY_INT32 = new Int32Array(0),
  EMPTY_UINT8 = new Uint8Array(0),
  EMPTY_FLOAT64 = new Float64Array(0);

/**
 * One chunk's simulation state and its event loop. A class, not closures inside `simulateWith`:
 * closures made afresh on every call are new call targets, so the optimised code of the previous
 * chunk was thrown away ("wrong call target") and every chunk started cold. Methods live on the
 * prototype once, so a worker's second chunk runs the first one's optimised code.
 */
class Mission {
  // Field order is speed: V8's optimising compiler remembers a loaded field only among an
  // object's first 32 slots (kMaxTrackedFields), and reloads and re-checks any later one at every
  // use, so the fields the event loop touches come first. Scalars start at a value of their type,
  // not undefined, so V8 keeps them as small integers or booleans rather than generic values it
  // must check on every read; objects too (EMPTY_INT32 and the like; m and rng below).
  // (With the dispatch changes below, 5–20 % less time per event in interleaved runs: see git log.)

  // Indexed binary min-heap over the pending repairs (item c) and disk rebuilds (C + d), keyed by
  // `when`. An item out of the heap has pos −1 and when ∞; the heap holds only what is pending,
  // so a trial starts with it empty. The failure clock is not in it but in v[V.CLOCK], compared
  // with the heap's top per event: it moves at every failure and repair, and a heap move per
  // event cost more than that comparison.
  private readonly heap: Int32Array = EMPTY_INT32;
  private readonly pos: Int32Array = EMPTY_INT32;
  private readonly when: Float64Array = EMPTY_FLOAT64;
  // The mean repair time of each heap item, hours: component c's repair at c, disk d's rebuild at
  // C + d (one array read, not one of two on the model).
  private readonly itemMeanHours: Float64Array = EMPTY_FLOAT64;
  private heapSize = 0;
  private readonly C: number = 0;
  // Doubles that change per event live in a typed array, so no write boxes a fresh heap number.
  private readonly v: Float64Array = EMPTY_FLOAT64;
  // Per-trial integers (I): down counts per kind, and the components that can fail, grouped by
  // equal rate: ints[upListAt + groupStart(g) …] holds group g's components, the up ones
  // (ints[I.GROUP_UP + g] of them) first; ints[upSlotAt + c] is c's place there, and group g
  // starts at ints[groupStartAt + g]. Λ, the summed rate of the up components, is kept in
  // v[V.RATE] and moves by one group rate per failure or repair (exactly 0 when none is up);
  // each trial starts from the sum over all.
  private readonly ints: Int32Array = EMPTY_INT32;
  private readonly groupStartAt: number = 0;
  private readonly upListAt: number = 0;
  private readonly upSlotAt: number = 0;
  private readonly groupRate: Float64Array = EMPTY_FLOAT64;
  private readonly compInfo: Int32Array = EMPTY_INT32;
  private upCount = 0;
  private readonly groupCount: number = 0;
  // A node's or rack's model fields in one Int32Array record rather than one array per field:
  // each typed array an optimised function touches costs V8 a map check, a bounds check and
  // loads of its length and data pointer, and a node change read eight arrays.
  private readonly nodeInfo: Int32Array = EMPTY_INT32;
  private readonly nodeDown: Uint8Array = EMPTY_UINT8;
  private readonly nodeFailed: Uint8Array = EMPTY_UINT8;
  private readonly rackInfo: Int32Array = EMPTY_INT32;
  private readonly torDown: Uint8Array = EMPTY_UINT8;
  private readonly feedDown: Uint8Array = EMPTY_UINT8;
  private readonly rackFailed: Uint8Array = EMPTY_UINT8;
  // Storage shards, all in one Int32Array: shards[u] counts unit u's shards on live nodes' intact
  // disks, shards[U + u] its intact shards, and shards[diskShards[4d] … diskShards[4d + 1]) lists
  // the units disk d holds a shard of, as indices of the first part. One array, because V8's
  // optimised code checks the map and reloads the length and data pointer of every typed array a
  // loop touches on every iteration (--print-opt-code), and the shard loops are the bulk of a
  // large plan's work. Units narrower than `needed` or `minAvailable` are never available nor
  // lost: left out. The lists are laid out node by node, so a node whose disks are all intact
  // (nodeDisksLost[n] 0, nearly always) moves its shards in one run from nodeInfo's SHARDS to
  // SHARDS_END instead of disk by disk: the reference example's nodes hold 12 disks of 5 shards.
  private readonly shards: Int32Array = EMPTY_INT32;
  private readonly diskIntact: Uint8Array = EMPTY_UINT8;
  private readonly diskShards: Int32Array = EMPTY_INT32;
  private readonly nodeDisksLost: Int32Array = EMPTY_INT32;
  private readonly U: number = 0;
  private readonly needed: number = 0;
  private readonly minAvailable: number = 0;
  private membersUp = 0;
  private schedUp = 0;
  private unavailableUnits = 0;
  private quorumOk = true;
  private apiOk = true;
  private unavailable = false;
  private capacityShort = false;
  // Quorum with no site links is membersUp ≥ quorumNeeded (0 without members), capacity is short
  // while v[V.UP_CORES] < coresShortBelow (−∞ when the workload needs none): read per event, so in
  // the Mission's own early slots rather than the model's late ones.
  private readonly quorumNeeded: number = 0;
  private readonly coresShortBelow: number = 0;
  // From here on, fields the event loop reads rarely or only per trial.
  readonly out: SimPartial;
  // All of out's arrays as one (partialSums): a trial's figures are added through one array
  // rather than eight, each of which V8 checks and loads the header of.
  private readonly sums: Float64Array = EMPTY_FLOAT64;
  private readonly roomFailed: Uint8Array = EMPTY_UINT8;
  private readonly siteFailed: Uint8Array = EMPTY_UINT8;
  private readonly nodeDownKind: Uint8Array = EMPTY_UINT8;
  private readonly H: number = 0;
  private readonly CP: number = 0;
  private readonly T: number = 0;
  private readonly missionYears: number = 0;
  private readonly groupSize: Int32Array = EMPTY_INT32;
  private readonly canFail: number = 0;
  private readonly allUpRate: number = 0;
  private readonly trialState: Uint8Array = EMPTY_UINT8;
  private readonly trialStart: Uint8Array = EMPTY_UINT8;
  private readonly queue: Int32Array = EMPTY_INT32;
  private qHead = 0;
  private qLen = 0;
  private crewBusy = false;
  private readonly linkDown: Uint8Array = EMPTY_UINT8;
  private linksDown = 0;
  private readonly siteMembersUp: Int32Array = EMPTY_INT32;
  private readonly siteSchedUp: Int32Array = EMPTY_INT32;
  private schedTotal = 0;
  private readonly parent: Int32Array = EMPTY_INT32;
  private readonly groupMembers: Int32Array = EMPTY_INT32;
  private readonly groupSched: Int32Array = EMPTY_INT32;
  private lastQuorumSched = 0;
  private quorumKind = 0;
  private apiKind = 0;
  private unavailableKind = 0;
  private capacityKind = 0;
  private readonly capacityMatters: boolean = false;
  // Features a plan may not use, decided once per mission so their per-event work is skipped
  // when absent (the reliability bench's examples use none of them): a serial crew's queue,
  // lognormal repair draws, and the per-site counters and partition search that only site
  // links need (with no link, every live member can reach every other).
  private readonly serial: boolean = false;
  private readonly lognormal: boolean = false;
  private readonly partitions: boolean = false;

  // Declared, not parameter properties: those are defined as undefined before the constructor
  // sets them, so V8 knew nothing of the model's or generator's map and checked it at every use.
  // Set once, their maps are the fields' types; placed after the tracked slots, a use reloads the
  // field (one load) but checks nothing.
  declare private readonly m: SimModel;
  declare private readonly rng: Random;

  constructor(m: SimModel, rng: Random) {
    this.m = m;
    this.rng = rng;
    const C = m.compCount;
    this.C = C;
    this.H = C + m.diskCount;
    this.CP = m.checkpointsHours.length;
    this.T = m.checkpointsHours[this.CP - 1];
    this.missionYears = this.T / 8766;
    this.out = emptyPartial(this.CP);
    this.sums = partialSums(this.out);
    this.heap = new Int32Array(this.H);
    this.pos = new Int32Array(this.H).fill(-1);
    this.when = new Float64Array(this.H).fill(Infinity);
    this.itemMeanHours = new Float64Array(this.H);
    this.itemMeanHours.set(m.repairMeanHours.subarray(0, C));
    this.itemMeanHours.set(m.diskRebuildHours.subarray(0, m.diskCount), C);
    this.needed = m.needed;
    this.minAvailable = m.minAvailable;
    // Groups in order of first appearance, members in component order: reliabilityLoop.c builds
    // the same groups, so both pick the same component from the same draw.
    const rates: number[] = [];
    const compGroup = new Int32Array(C).fill(-1);
    this.compInfo = new Int32Array(C * CI.FIELDS);
    for (let c = 0; c < C; c++) {
      this.compInfo[c * CI.FIELDS + CI.KIND] = m.compKind[c];
      this.compInfo[c * CI.FIELDS + CI.TARGET] = m.compTarget[c];
      this.compInfo[c * CI.FIELDS + CI.GROUP] = -1;
      const rate = m.failuresPerHour[c];
      if (!(rate > 0)) continue;
      let g = rates.indexOf(rate);
      if (g < 0) g = rates.push(rate) - 1;
      compGroup[c] = g;
      this.compInfo[c * CI.FIELDS + CI.GROUP] = g;
    }
    const G = rates.length;
    this.groupCount = G;
    this.groupRate = Float64Array.from(rates);
    this.groupSize = new Int32Array(G);
    for (let c = 0; c < C; c++) if (compGroup[c] >= 0) this.groupSize[compGroup[c]]++;
    const groupStart = new Int32Array(G);
    for (let g = 1; g < G; g++) groupStart[g] = groupStart[g - 1] + this.groupSize[g - 1];
    let canFail = 0,
      allUpRate = 0;
    for (let g = 0; g < G; g++) {
      canFail += this.groupSize[g];
      allUpRate += this.groupSize[g] * this.groupRate[g];
    }
    this.canFail = canFail;
    this.allUpRate = allUpRate;
    // Every per-trial array is a view of one buffer, laid out doubles (after the per-kind totals,
    // which are not per trial), int32s, bytes, then the shard counts at the head of `shards`, so a
    // trial starts with one block copy of its starting image: each TypedArray.prototype.set is a call into a builtin, and four of them per trial
    // were a visible share of a small plan's trial (about 18 events on the reference example).
    const U = m.unitCount,
      S = m.siteCount;
    const doubleCount = V.TRIAL_BYTES + this.CP,
      intCount = I.GROUP_UP + 2 * G + 2 * C + 2 * S + m.nodeCount,
      flagCount = 2 * m.nodeCount + 3 * m.rackCount + m.roomCount + S + m.siteLinkA.length + m.diskCount;
    const tracked = (u: number) => m.unitWidth[u] >= m.needed && m.unitWidth[u] >= m.minAvailable;
    const diskShards: number[] = [];
    this.diskShards = new Int32Array(DS.FIELDS * m.diskCount);
    const nodeShards = new Int32Array(2 * m.nodeCount);
    for (let n = 0; n < m.nodeCount; n++) {
      nodeShards[2 * n] = 2 * U + diskShards.length;
      for (let i = m.nodeDiskStart[n]; i < m.nodeDiskStart[n + 1]; i++) {
        const d = m.nodeDisks[i];
        this.diskShards[DS.FIELDS * d + DS.START] = 2 * U + diskShards.length;
        this.diskShards[DS.FIELDS * d + DS.NODE] = n;
        for (let j = m.diskUnitStart[d]; j < m.diskUnitStart[d + 1]; j++) if (tracked(m.diskUnits[j])) diskShards.push(m.diskUnits[j]);
        this.diskShards[DS.FIELDS * d + DS.END] = 2 * U + diskShards.length;
      }
      nodeShards[2 * n + 1] = 2 * U + diskShards.length;
    }
    const intsAt = doubleCount * 8,
      flagsAt = intsAt + intCount * 4,
      shardsAt = flagsAt + Math.ceil(flagCount / 4) * 4,
      buffer = new ArrayBuffer(shardsAt + (2 * U + diskShards.length) * 4);
    [this.nodeFailed, this.nodeDown, this.torDown, this.feedDown, this.rackFailed, this.roomFailed, this.siteFailed, this.linkDown, this.diskIntact] = views(
      new Uint8Array(buffer, flagsAt, flagCount),
      [m.nodeCount, m.nodeCount, m.rackCount, m.rackCount, m.rackCount, m.roomCount, S, m.siteLinkA.length, m.diskCount],
    );
    this.ints = new Int32Array(buffer, intsAt, intCount);
    this.groupStartAt = I.GROUP_UP + G;
    this.upListAt = this.groupStartAt + G;
    this.upSlotAt = this.upListAt + C;
    [this.siteMembersUp, this.siteSchedUp, this.nodeDisksLost] = views(this.ints.subarray(this.upSlotAt + C), [S, S, m.nodeCount]);
    this.v = new Float64Array(buffer, 0, doubleCount);
    this.shards = new Int32Array(buffer, shardsAt, 2 * U + diskShards.length);
    this.shards.set(diskShards, 2 * U);
    this.trialState = new Uint8Array(buffer, V.NOW * 8, shardsAt + 2 * U * 4 - V.NOW * 8);
    this.queue = new Int32Array(C + 1);
    this.nodeDownKind = new Uint8Array(m.nodeCount);
    this.nodeInfo = new Int32Array(m.nodeCount * N.FIELDS);
    for (let n = 0; n < m.nodeCount; n++) {
      const at = n * N.FIELDS;
      this.nodeInfo[at + N.RACK] = m.nodeRack[n];
      this.nodeInfo[at + N.SITE] = m.nodeSite[n];
      this.nodeInfo[at + N.FEEDS] = m.nodeFeedMask[n];
      this.nodeInfo[at + N.TORS] = m.nodeTorMask[n];
      this.nodeInfo[at + N.MEMBER] = m.nodeIsMember[n];
      this.nodeInfo[at + N.SCHED] = m.nodeSchedulable[n];
      this.nodeInfo[at + N.DISKS] = m.nodeDiskStart[n];
      this.nodeInfo[at + N.DISKS_END] = m.nodeDiskStart[n + 1];
      this.nodeInfo[at + N.SHARDS] = nodeShards[2 * n];
      this.nodeInfo[at + N.SHARDS_END] = nodeShards[2 * n + 1];
    }
    this.rackInfo = new Int32Array(m.rackCount * R.FIELDS);
    for (let r = 0; r < m.rackCount; r++) {
      const at = r * R.FIELDS;
      this.rackInfo[at + R.ROOM] = m.rackRoom[r];
      this.rackInfo[at + R.SITE] = m.rackSite[r];
      this.rackInfo[at + R.FEEDS] = m.rackFeedMask[r];
      this.rackInfo[at + R.TRIP] = m.rackTrip[r];
      this.rackInfo[at + R.NODES] = m.rackNodeStart[r];
      this.rackInfo[at + R.NODES_END] = m.rackNodeStart[r + 1];
      for (let i = m.rackNodeStart[r]; i < m.rackNodeStart[r + 1]; i++) {
        this.rackInfo[at + R.TOR_MASKS] |= 1 << m.nodeTorMask[m.rackNodes[i]];
        this.rackInfo[at + R.FEED_MASKS] |= 1 << m.nodeFeedMask[m.rackNodes[i]];
      }
    }
    this.U = U;

    // The starting state: everything up and intact, each group's components in component order.
    this.diskIntact.fill(1);
    this.shards.set(m.unitWidth);
    this.shards.set(m.unitWidth, U);
    for (let n = 0; n < m.nodeCount; n++) {
      this.siteMembersUp[m.nodeSite[n]] += m.nodeIsMember[n];
      this.siteSchedUp[m.nodeSite[n]] += m.nodeSchedulable[n];
      this.schedTotal += m.nodeSchedulable[n];
    }
    // Places in the up list are kept as indices of `ints`, so the loop adds no offset.
    const ints = this.ints;
    ints.fill(-1, this.upSlotAt, this.upSlotAt + C);
    const filled = new Int32Array(G);
    for (let c = 0; c < C; c++) {
      const g = compGroup[c];
      if (g < 0) continue;
      const slot = this.upListAt + groupStart[g] + filled[g]++;
      ints[slot] = c;
      ints[this.upSlotAt + c] = slot;
    }
    for (let g = 0; g < G; g++) {
      ints[I.GROUP_UP + g] = this.groupSize[g];
      ints[this.groupStartAt + g] = this.upListAt + groupStart[g];
    }
    const v = this.v;
    v[V.UP_CORES] = m.coresTotal;
    v[V.FIRST_QUORUM] = Infinity;
    v[V.FIRST_API] = Infinity;
    v[V.FIRST_LOSS] = Infinity;
    v[V.FIRST_SHORT] = Infinity;
    v[V.RATE] = this.allUpRate;
    this.trialStart = this.trialState.slice();
    this.parent = new Int32Array(m.siteCount);
    this.groupMembers = new Int32Array(m.siteCount);
    this.groupSched = new Int32Array(m.siteCount);
    this.capacityMatters = m.coresTotal > 0;
    this.quorumNeeded = m.members === 0 ? 0 : m.quorum;
    this.coresShortBelow = this.capacityMatters ? m.coresNeeded : -Infinity;
    this.serial = m.serialRepair;
    this.lognormal = m.repairSigma.some((s) => s !== 0);
    this.partitions = m.siteLinkA.length > 0;
  }

  private siftUp(i: number): void {
    const heap = this.heap,
      pos = this.pos,
      when = this.when;
    const item = heap[i];
    const t = when[item];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pi = heap[p];
      if (when[pi] <= t) break;
      heap[i] = pi;
      pos[pi] = i;
      i = p;
    }
    heap[i] = item;
    pos[item] = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap,
      pos = this.pos,
      when = this.when,
      H = this.heapSize;
    const item = heap[i];
    const t = when[item];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= H) break;
      if (c + 1 < H && when[heap[c + 1]] < when[heap[c]]) c++;
      if (when[heap[c]] >= t) break;
      heap[i] = heap[c];
      pos[heap[c]] = i;
      i = c;
    }
    heap[i] = item;
    pos[item] = i;
  }

  // The heap's operations take item numbers only: a double passed to (or returned from) a
  // call V8 did not inline is boxed in a fresh heap number, and these run several times per event.

  /** Puts item, which is out of the heap, into it at time when[item]. */
  private insert(item: number): void {
    const n = this.heapSize++;
    this.heap[n] = item;
    this.pos[item] = n;
    this.siftUp(n);
  }

  /**
   * Takes the heap's top item (the event now due) out of the heap; its time becomes ∞. Only the
   * top ever leaves early or on time, so this is the heap's only removal: the last item moves to
   * the root and sifts down, without the position lookup and sift-up test a removal from the
   * middle needs.
   */
  private removeTop(): void {
    const heap = this.heap,
      pos = this.pos,
      item = heap[0];
    this.when[item] = Infinity;
    pos[item] = -1;
    const last = heap[--this.heapSize];
    if (this.heapSize === 0) return;
    heap[0] = last;
    pos[last] = 0;
    this.siftDown(0);
  }

  /** A standard exponential variate (mean 1), by the ziggurat (no logarithm in ~99 % of draws). */
  private exponential(): number {
    return this.rng.standardExponential();
  }

  /**
   * Puts item (out of the heap) at the end of a repair drawn from component c's law around the
   * item's mean (c's repair, or for item C + d disk d's rebuild). Lognormal repairs have that mean:
   * median · e^(σ²/2) with median = mean · e^(−σ²/2).
   */
  private scheduleRepair(item: number, c: number): void {
    // Lognormal repairs and the serial crew (startRepair, repair) are methods of their own: V8
    // inlines callees into fail and events only up to a total bytecode size, and with branches
    // the examples never take out of scheduleRepair and startRepair, the generator's draw fits
    // in fail and is no longer a call (callgrind: about 1 % fewer instructions per event).
    if (this.lognormal) {
      this.scheduleLawRepair(item, c);
      return;
    }
    this.when[item] = this.v[V.NOW] + this.itemMeanHours[item] * this.exponential();
    this.insert(item);
  }

  /** As scheduleRepair, in a plan with lognormal repairs (component c's σ, exponential where σ is 0). */
  private scheduleLawRepair(item: number, c: number): void {
    const mean = this.itemMeanHours[item];
    const s = this.m.repairSigma[c];
    const hours = s === 0 ? mean * this.exponential() : mean * Math.exp(-0.5 * s * s + s * this.rng.normal());
    this.when[item] = this.v[V.NOW] + hours;
    this.insert(item);
  }

  /**
   * The up components fail as one Poisson process of rate Λ (a superposition of independent
   * exponential clocks), so one clock stands for all of them: after it fires, the next failure
   * is Exp(Λ) away, drawn afresh.
   */
  private drawClock(): void {
    const v = this.v,
      rate = v[V.RATE];
    // Two stores, not one of a conditional: V8 had no feedback for the global `Infinity` on the
    // branch that never ran, loaded it through an inline cache and so boxed the other branch's
    // double in a fresh heap number on every failure.
    if (rate > 0) v[V.CLOCK] = v[V.NOW] + this.exponential() / rate;
    else v[V.CLOCK] = Infinity;
  }

  /**
   * Which component the clock's failure hits: component c with probability rate_c / Λ, by
   * inversion of one uniform over the groups' weights (up count × rate), then uniformly within
   * the group. The chosen component leaves the up list.
   */
  private pickFailing(): number {
    const ints = this.ints,
      groupRate = this.groupRate,
      upSlotAt = this.upSlotAt,
      v = this.v;
    let x = this.rng.next() * v[V.RATE];
    let g = -1;
    for (let i = 0; i < this.groupCount; i++) {
      const up = ints[I.GROUP_UP + i];
      if (up === 0) continue;
      g = i;
      const weight = up * groupRate[i];
      if (x < weight) break;
      x -= weight;
    }
    // Rounding can leave x at the end of the last non-empty group: its last member then.
    const up = ints[I.GROUP_UP + g];
    let k = Math.floor(x / groupRate[g]);
    if (k >= up) k = up - 1;
    const start = ints[this.groupStartAt + g];
    const at = start + k,
      lastAt = start + up - 1;
    const c = ints[at];
    const last = ints[lastAt];
    ints[at] = last;
    ints[upSlotAt + last] = at;
    ints[lastAt] = c;
    ints[upSlotAt + c] = lastAt;
    ints[I.GROUP_UP + g] = up - 1;
    v[V.RATE] = --this.upCount === 0 ? 0 : v[V.RATE] - groupRate[g];
    return c;
  }

  /**
   * Component c is up again: it rejoins its group and Λ grows. The clock's remaining time R is
   * Exp(Λ_old) whatever happened so far (memorylessness), so R · Λ_old / Λ_new is Exp(Λ_new): the
   * clock is rescaled instead of redrawn (Gibson and Bruck's next reaction method).
   */
  private rejoin(c: number, g: number): void {
    if (g < 0) return;
    const ints = this.ints,
      upSlotAt = this.upSlotAt;
    const slot = ints[upSlotAt + c];
    const first = ints[this.groupStartAt + g] + ints[I.GROUP_UP + g];
    const other = ints[first];
    ints[slot] = other;
    ints[upSlotAt + other] = slot;
    ints[first] = c;
    ints[upSlotAt + c] = first;
    ints[I.GROUP_UP + g]++;
    this.upCount++;
    const v = this.v;
    const old = v[V.RATE];
    v[V.RATE] = old + this.groupRate[g];
    const at = v[V.CLOCK];
    if (at === Infinity) this.drawClock();
    else v[V.CLOCK] = v[V.NOW] + ((at - v[V.NOW]) * old) / v[V.RATE];
  }

  private find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private setNode(n: number, down: number, kind: number): void {
    const m = this.m;
    this.nodeDown[n] = down;
    const delta = down ? -1 : 1;
    if (down) {
      this.nodeDownKind[n] = kind;
      this.nodesDownChange(kind, 1);
    } else this.nodesDownChange(this.nodeDownKind[n], -1);
    const info = this.nodeInfo,
      at = n * N.FIELDS,
      partitions = this.partitions;
    if (info[at + N.MEMBER]) {
      if (partitions) this.siteMembersUp[info[at + N.SITE]] += delta;
      this.membersUp += delta;
    }
    if (info[at + N.SCHED]) {
      if (partitions) this.siteSchedUp[info[at + N.SITE]] += delta;
      this.schedUp += delta;
      this.v[V.UP_CORES] += delta * m.nodeCores[n];
    }
    // The shard loops are a method of their own, so this one stays small enough for V8 to inline.
    if (info[at + N.SHARDS] < info[at + N.SHARDS_END]) {
      if (this.nodeDisksLost[n] === 0) this.moveShards(info[at + N.SHARDS], info[at + N.SHARDS_END], down);
      else this.moveShardsByDisk(n, down);
    }
  }

  /** As moveShards, disk by disk, for a node some of whose disks hold no intact shards. */
  private moveShardsByDisk(n: number, down: number): void {
    const info = this.nodeInfo,
      at = n * N.FIELDS,
      nodeDisks = this.m.nodeDisks,
      diskShards = this.diskShards;
    for (let i = info[at + N.DISKS]; i < info[at + N.DISKS_END]; i++) {
      const d = nodeDisks[i];
      if (this.diskIntact[d]) this.moveShards(diskShards[DS.FIELDS * d + DS.START], diskShards[DS.FIELDS * d + DS.END], down);
    }
  }

  /** A node went down (down 1) or up: the intact shards listed in shards[from … to) leave or rejoin their units' live counts. */
  private moveShards(from: number, to: number, down: number): void {
    // The shard loops read their arrays from locals and count in a local: through `this` V8
    // reloads every array's header after each typed-array store, per shard. One loop per
    // direction, so the loop tests no flag per shard. `| 0` tells V8 the bounds are int32: called
    // (not inlined) with them as arguments, it kept j a tagged value, checked and re-tagged at
    // every pass; and an index j + k truncated by `| 0` needs no overflow check.
    const shards = this.shards,
      minAvailable = this.minAvailable,
      end = to | 0;
    let unavailableUnits = this.unavailableUnits;
    let j = from | 0;
    if (down !== 0) {
      for (; ((j + 7) | 0) < end; j = (j + 8) | 0) {
        if (shards[shards[j]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 1) | 0]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 2) | 0]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 3) | 0]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 4) | 0]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 5) | 0]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 6) | 0]]-- === minAvailable) unavailableUnits++;
        if (shards[shards[(j + 7) | 0]]-- === minAvailable) unavailableUnits++;
      }
      for (; j < end; j = (j + 1) | 0) if (shards[shards[j]]-- === minAvailable) unavailableUnits++;
    } else {
      for (; ((j + 7) | 0) < end; j = (j + 8) | 0) {
        if (++shards[shards[j]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 1) | 0]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 2) | 0]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 3) | 0]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 4) | 0]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 5) | 0]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 6) | 0]] === minAvailable) unavailableUnits--;
        if (++shards[shards[(j + 7) | 0]] === minAvailable) unavailableUnits--;
      }
      for (; j < end; j = (j + 1) | 0) if (++shards[shards[j]] === minAvailable) unavailableUnits--;
    }
    this.unavailableUnits = unavailableUnits;
  }

  /**
   * Whether all of rack r is down: the rack, its room or its site failed, or its power is out
   * (every feed it draws from is dark, or a lost feed tripped the other's breaker).
   */
  private rackIsDown(r: number): number {
    const info = this.rackInfo,
      at = r * R.FIELDS;
    if (this.rackFailed[r] || this.roomFailed[info[at + R.ROOM]] || this.siteFailed[info[at + R.SITE]]) return 1;
    const fd = this.feedDown[r];
    return fd !== 0 && ((info[at + R.FEEDS] & ~fd) === 0 || (info[at + R.TRIP] & fd) !== 0) ? 1 : 0;
  }

  /**
   * Whether node n is down in a rack that stands, with the rack's feeds `feedsDown` and switches
   * `torsDown` out (bit masks): it failed, every feed it draws from is dark, or every switch it
   * is cabled to is down.
   */
  private nodeIsDown(n: number, feedsDown: number, torsDown: number): number {
    if (this.nodeFailed[n]) return 1;
    const fm = this.nodeInfo[n * N.FIELDS + N.FEEDS];
    if (fm !== 0 && (fm & ~feedsDown) === 0) return 1;
    const tm = this.nodeInfo[n * N.FIELDS + N.TORS];
    return tm !== 0 && (tm & ~torsDown) === 0 ? 1 : 0;
  }

  private refreshNode(n: number, kind: number): void {
    const r = this.nodeInfo[n * N.FIELDS + N.RACK];
    const down = this.rackIsDown(r) || this.nodeIsDown(n, this.feedDown[r], this.torDown[r]);
    if (down !== this.nodeDown[n]) this.setNode(n, down, kind);
  }

  /** Refreshes the racks r with place[r] === target (the racks of a room or of a site): rare, kept out of fail and repair. */
  private refreshRacksOf(place: Int32Array, target: number, kind: number): void {
    for (let r = 0; r < place.length; r++) if (place[r] === target) this.refreshRack(r, kind);
  }

  /**
   * Whether a switch (kind TOR) or feed (FEED) event in rack r, which found the rack's switches
   * or feeds down as mask `old`, can change any node's state: whether the rack's power is out
   * changed (feeds), or for some mask of its nodes, whether every switch or feed in it is down.
   * If not, every node's state is what it was (nodes are dual-homed in most plans, so one switch
   * or feed changes nothing) and the rack's nodes are not visited.
   */
  private rackMoves(r: number, kind: number, old: number): boolean {
    const info = this.rackInfo,
      at = r * R.FIELDS;
    let now: number, masks: number;
    if (kind === Kind.TOR) {
      now = this.torDown[r];
      masks = info[at + R.TOR_MASKS];
    } else {
      now = this.feedDown[r];
      masks = info[at + R.FEED_MASKS];
      const feeds = info[at + R.FEEDS],
        trip = info[at + R.TRIP];
      const wasOut = old !== 0 && ((feeds & ~old) === 0 || (trip & old) !== 0),
        isOut = now !== 0 && ((feeds & ~now) === 0 || (trip & now) !== 0);
      if (wasOut !== isOut) return true;
    }
    // Mask 0 (no switch or feed) is never all down; masks 1 to 3 are checked.
    for (let mask = 1; mask < 4; mask++) if ((masks & (1 << mask)) !== 0 && ((mask & ~old) === 0) !== ((mask & ~now) === 0)) return true;
    return false;
  }

  /**
   * Switch or feed `target` (rack × 2 + which of its two) goes down (`down` 1) or comes back (0):
   * the rack whose nodes must be refreshed, or -1 when no node's state can change (`rackMoves`).
   */
  private switchOrFeed(kind: number, target: number, down: number): number {
    const r = target >> 1,
      bits = kind === Kind.TOR ? this.torDown : this.feedDown,
      old = bits[r],
      bit = 1 << (target & 1);
    bits[r] = down ? old | bit : old & ~bit;
    return this.rackMoves(r, kind, old) ? r : -1;
  }

  /** The rack's own state is read once for all its nodes, not once per node. */
  private refreshRack(r: number, kind: number): void {
    const m = this.m,
      rackNodes = m.rackNodes,
      nodeDown = this.nodeDown,
      rackDown = this.rackIsDown(r),
      feedsDown = this.feedDown[r],
      torsDown = this.torDown[r];
    for (let i = this.rackInfo[r * R.FIELDS + R.NODES], e = this.rackInfo[r * R.FIELDS + R.NODES_END]; i < e; i++) {
      const n = rackNodes[i];
      const down = rackDown || this.nodeIsDown(n, feedsDown, torsDown);
      if (down !== nodeDown[n]) this.setNode(n, down, kind);
    }
  }

  // The shard loops below handle four shards per pass, and moveShards eight: V8 checks for
  // interrupts at every loop back edge, and after that check reloads the array's map, length and
  // data pointer, so one pass per shard paid that per shard (enterprise example: 5–10 % less
  // time). moveShards runs a whole node's shards at once, about 1,200 on the enterprise example's
  // storage nodes, and eight per pass cut its instructions by 9 % there (callgrind) against four.

  private destroyDisk(d: number): void {
    const shards = this.shards,
      U = this.U,
      needed = this.needed,
      minAvailable = this.minAvailable,
      diskShards = this.diskShards,
      node = diskShards[DS.FIELDS * d + DS.NODE],
      f = diskShards[DS.FIELDS * d + DS.END];
    this.diskIntact[d] = 0;
    this.nodeDisksLost[node]++;
    const up = !this.nodeDown[node];
    let unavailableUnits = this.unavailableUnits;
    let j = diskShards[DS.FIELDS * d + DS.START];
    for (; ((j + 3) | 0) < f; j = (j + 4) | 0) {
      const u0 = shards[j],
        u1 = shards[(j + 1) | 0],
        u2 = shards[(j + 2) | 0],
        u3 = shards[(j + 3) | 0];
      if (up && shards[u0]-- === minAvailable) unavailableUnits++;
      if (shards[(U + u0) | 0]-- === needed) this.loseUnit(u0);
      if (up && shards[u1]-- === minAvailable) unavailableUnits++;
      if (shards[(U + u1) | 0]-- === needed) this.loseUnit(u1);
      if (up && shards[u2]-- === minAvailable) unavailableUnits++;
      if (shards[(U + u2) | 0]-- === needed) this.loseUnit(u2);
      if (up && shards[u3]-- === minAvailable) unavailableUnits++;
      if (shards[(U + u3) | 0]-- === needed) this.loseUnit(u3);
    }
    for (; j < f; j = (j + 1) | 0) {
      const u = shards[j];
      if (up && shards[u]-- === minAvailable) unavailableUnits++;
      if (shards[(U + u) | 0]-- === needed) this.loseUnit(u);
    }
    this.unavailableUnits = unavailableUnits;
  }

  /** Unit u has just lost its last recoverable shard: its bytes are lost now. */
  private loseUnit(u: number): void {
    const m = this.m,
      v = this.v,
      bytes = m.unitBytes[u],
      now = v[V.NOW];
    v[V.BY_KIND + Kind.DISK * K.FIELDS + K.DATA_LOSSES]++;
    v[V.BY_KIND + Kind.DISK * K.FIELDS + K.BYTES_LOST] += bytes;
    if (now < v[V.FIRST_LOSS]) v[V.FIRST_LOSS] = now;
    for (let c = 0; c < this.CP; c++) if (now <= m.checkpointsHours[c]) v[V.TRIAL_BYTES + c] += bytes;
  }

  private restoreDisk(d: number): void {
    const shards = this.shards,
      U = this.U,
      minAvailable = this.minAvailable,
      diskShards = this.diskShards,
      node = diskShards[DS.FIELDS * d + DS.NODE],
      f = diskShards[DS.FIELDS * d + DS.END];
    this.diskIntact[d] = 1;
    this.nodeDisksLost[node]--;
    const up = !this.nodeDown[node];
    let unavailableUnits = this.unavailableUnits;
    let j = diskShards[DS.FIELDS * d + DS.START];
    for (; ((j + 3) | 0) < f; j = (j + 4) | 0) {
      const u0 = shards[j],
        u1 = shards[(j + 1) | 0],
        u2 = shards[(j + 2) | 0],
        u3 = shards[(j + 3) | 0];
      shards[(U + u0) | 0]++;
      if (up && ++shards[u0] === minAvailable) unavailableUnits--;
      shards[(U + u1) | 0]++;
      if (up && ++shards[u1] === minAvailable) unavailableUnits--;
      shards[(U + u2) | 0]++;
      if (up && ++shards[u2] === minAvailable) unavailableUnits--;
      shards[(U + u3) | 0]++;
      if (up && ++shards[u3] === minAvailable) unavailableUnits--;
    }
    for (; j < f; j = (j + 1) | 0) {
      const u = shards[j];
      shards[(U + u) | 0]++;
      if (up && ++shards[u] === minAvailable) unavailableUnits--;
    }
    this.unavailableUnits = unavailableUnits;
  }

  private quorumNow(): boolean {
    const m = this.m;
    if (m.members === 0) return true;
    if (this.linksDown === 0) return this.membersUp >= m.quorum;
    const parent = this.parent,
      groupMembers = this.groupMembers,
      groupSched = this.groupSched;
    for (let s = 0; s < m.siteCount; s++) {
      parent[s] = s;
      groupMembers[s] = 0;
      groupSched[s] = 0;
    }
    for (let l = 0; l < this.linkDown.length; l++) {
      const a = m.siteLinkA[l],
        b = m.siteLinkB[l];
      if (this.linkDown[l] || this.siteFailed[a] || this.siteFailed[b]) continue;
      const ra = this.find(a),
        rb = this.find(b);
      if (ra !== rb) parent[ra] = rb;
    }
    for (let s = 0; s < m.siteCount; s++) {
      const g = this.find(s);
      groupMembers[g] += this.siteMembersUp[s];
      groupSched[g] += this.siteSchedUp[s];
    }
    for (let s = 0; s < m.siteCount; s++)
      if (groupMembers[s] >= m.quorum) {
        this.lastQuorumSched = groupSched[s];
        return true;
      }
    return false;
  }

  /** Kind `kind` has `delta` more components down: the hours its old count lasted are added first. */
  private compDownChange(kind: number, delta: number): void {
    const v = this.v,
      ints = this.ints,
      now = v[V.NOW];
    v[V.BY_KIND + kind * K.FIELDS + K.DOWN_HOURS] += ints[I.COMP_DOWN + kind] * (now - v[V.COMP_DOWN_SINCE + kind]);
    v[V.COMP_DOWN_SINCE + kind] = now;
    ints[I.COMP_DOWN + kind] += delta;
  }

  /** As compDownChange, for the nodes down because of an event of kind `kind`. */
  private nodesDownChange(kind: number, delta: number): void {
    const v = this.v,
      ints = this.ints,
      now = v[V.NOW];
    v[V.BY_KIND + kind * K.FIELDS + K.NODE_DOWN_HOURS] += ints[I.NODES_DOWN + kind] * (now - v[V.NODES_DOWN_SINCE + kind]);
    v[V.NODES_DOWN_SINCE + kind] = now;
    ints[I.NODES_DOWN + kind] += delta;
  }

  /** At the mission's end: the hours of every count and spell still open are added up to T. */
  private closeSpells(): void {
    const v = this.v,
      T = this.T;
    v[V.NOW] = T;
    const ints = this.ints;
    // A kind with nothing down adds 0 (its hours are exact already): skipped, most are. With every
    // component up (most trials end so) no node is down either, and the loop is skipped whole.
    if (this.upCount !== this.canFail)
      for (let k = 0; k < KIND_COUNT; k++) {
        const compDown = ints[I.COMP_DOWN + k],
          nodesDown = ints[I.NODES_DOWN + k];
        if (compDown !== 0) v[V.BY_KIND + k * K.FIELDS + K.DOWN_HOURS] += compDown * (T - v[V.COMP_DOWN_SINCE + k]);
        if (nodesDown !== 0) v[V.BY_KIND + k * K.FIELDS + K.NODE_DOWN_HOURS] += nodesDown * (T - v[V.NODES_DOWN_SINCE + k]);
      }
    if (!this.quorumOk) {
      v[V.Q_HOURS] += T - v[V.Q_SINCE];
      v[V.BY_KIND + this.quorumKind * K.FIELDS + K.QUORUM_HOURS] += T - v[V.Q_SINCE];
    }
    if (!this.apiOk) {
      v[V.A_HOURS] += T - v[V.A_SINCE];
      v[V.BY_KIND + this.apiKind * K.FIELDS + K.API_HOURS] += T - v[V.A_SINCE];
    }
    if (this.unavailable) {
      v[V.U_HOURS] += T - v[V.U_SINCE];
      v[V.BY_KIND + this.unavailableKind * K.FIELDS + K.UNAVAILABLE_HOURS] += T - v[V.U_SINCE];
    }
    if (this.capacityShort) {
      v[V.C_HOURS] += T - v[V.C_SINCE];
      v[V.BY_KIND + this.capacityKind * K.FIELDS + K.CAPACITY_HOURS] += T - v[V.C_SINCE];
    }
  }

  private startRepair(c: number): void {
    if (this.serial && this.queuedForCrew(c)) return;
    this.scheduleRepair(c, c);
  }

  /** A serial crew: repair c waits in line (true) while the crew is busy, or the crew takes it now. */
  private queuedForCrew(c: number): boolean {
    if (this.crewBusy) {
      this.queue[(this.qHead + this.qLen) % (this.C + 1)] = c;
      this.qLen++;
      return true;
    }
    this.crewBusy = true;
    return false;
  }

  /** A serial crew has finished a repair: it takes the next in line, if any. */
  private crewNext(): void {
    if (this.qLen > 0) {
      const next = this.queue[this.qHead];
      this.qHead = (this.qHead + 1) % (this.C + 1);
      this.qLen--;
      this.scheduleRepair(next, next);
    } else this.crewBusy = false;
  }

  /** Resets every per-trial state: all components up, the heap empty but for the failure clock. */
  private startTrial(): void {
    const m = this.m;
    this.trialState.set(this.trialStart);
    this.membersUp = m.members;
    this.schedUp = this.schedTotal;
    this.unavailableUnits = 0;
    this.linksDown = 0;
    this.qHead = 0;
    this.qLen = 0;
    this.crewBusy = false;
    this.quorumOk = m.members === 0 || m.members >= m.quorum;
    this.apiOk = this.quorumOk;
    this.capacityShort = false;
    this.unavailable = false;
    const when = this.when,
      heap = this.heap,
      pos = this.pos;
    for (let i = 0; i < this.heapSize; i++) {
      when[heap[i]] = Infinity;
      pos[heap[i]] = -1;
    }
    this.heapSize = 0;
    this.upCount = this.canFail;
    this.drawClock();
  }

  /** Component c is repaired now: it rejoins the up list, the crew takes the next in line, its consequences follow. */
  private repair(c: number): number {
    const m = this.m;
    const compInfo = this.compInfo,
      kind = compInfo[c * CI.FIELDS + CI.KIND],
      target = compInfo[c * CI.FIELDS + CI.TARGET],
      group = compInfo[c * CI.FIELDS + CI.GROUP];
    this.compDownChange(kind, -1);
    this.removeTop();
    this.rejoin(c, group);
    if (this.serial) this.crewNext();
    let rack = -1;
    switch (kind) {
      case Kind.DISK:
        if (m.diskRebuildHours[target] === 0 && !this.diskIntact[target]) this.restoreDisk(target);
        break;
      case Kind.NODE:
        this.nodeFailed[target] = 0;
        this.refreshNode(target, kind);
        break;
      case Kind.TOR:
      case Kind.FEED:
        rack = this.switchOrFeed(kind, target, 0);
        break;
      case Kind.RACK:
        this.rackFailed[target] = 0;
        rack = target;
        break;
      case Kind.ROOM:
        this.roomFailed[target] = 0;
        this.refreshRacksOf(m.rackRoom, target, kind);
        break;
      case Kind.SITE:
        this.siteFailed[target] = 0;
        this.refreshRacksOf(m.rackSite, target, kind);
        break;
      case Kind.SITE_LINK:
        this.linkDown[target] = 0;
        this.linksDown--;
        break;
    }
    // One call site for the three rack-wide kinds: V8 inlines a callee into only so many sites of a function.
    if (rack >= 0) this.refreshRack(rack, kind);
    return kind;
  }

  /** Component c fails now (it has left the up list): the clock is redrawn, its repair starts, its consequences follow. */
  private fail(c: number): number {
    const m = this.m,
      C = this.C;
    const compInfo = this.compInfo,
      kind = compInfo[c * CI.FIELDS + CI.KIND],
      target = compInfo[c * CI.FIELDS + CI.TARGET];
    this.drawClock();
    this.compDownChange(kind, 1);
    this.v[V.BY_KIND + kind * K.FIELDS + K.EVENTS]++;
    this.startRepair(c);
    let rack = -1;
    switch (kind) {
      case Kind.DISK:
        // A disk that fails again while its earlier shards are still being rebuilt elsewhere holds nothing yet.
        if (this.when[C + target] === Infinity && this.diskIntact[target]) {
          this.destroyDisk(target);
          const rebuild = m.diskRebuildHours[target];
          if (rebuild > 0) this.scheduleRepair(C + target, c);
        }
        break;
      case Kind.NODE:
        this.nodeFailed[target] = 1;
        this.refreshNode(target, kind);
        break;
      case Kind.TOR:
      case Kind.FEED:
        rack = this.switchOrFeed(kind, target, 1);
        break;
      case Kind.RACK:
        this.rackFailed[target] = 1;
        rack = target;
        break;
      case Kind.ROOM:
        this.roomFailed[target] = 1;
        this.refreshRacksOf(m.rackRoom, target, kind);
        break;
      case Kind.SITE:
        this.siteFailed[target] = 1;
        this.refreshRacksOf(m.rackSite, target, kind);
        break;
      case Kind.SITE_LINK:
        this.linkDown[target] = 1;
        this.linksDown++;
        break;
    }
    // One call site for the three rack-wide kinds: V8 inlines a callee into only so many sites of a function.
    if (rack >= 0) this.refreshRack(rack, kind);
    return kind;
  }

  /**
   * System-level states after an event; a transition into a bad state is credited to the event's
   * kind, and the spell's hours are added when it ends (or at the mission's end: closeSpells).
   */
  private settle(kind: number): void {
    const v = this.v,
      now = v[V.NOW];
    let q: boolean, a: boolean;
    if (this.partitions) {
      this.lastQuorumSched = this.schedUp;
      q = this.quorumNow();
      a = q && !(this.linksDown > 0 && this.lastQuorumSched === 0 && this.schedUp > 0);
    } else {
      // One connected whole: quorum is a count, and the API stands or falls with it.
      q = this.membersUp >= this.quorumNeeded;
      a = q;
    }
    if (q !== this.quorumOk) {
      if (!q) {
        this.quorumKind = kind;
        v[V.BY_KIND + kind * K.FIELDS + K.QUORUM_LOSSES]++;
        if (now < v[V.FIRST_QUORUM]) v[V.FIRST_QUORUM] = now;
        v[V.Q_SINCE] = now;
      } else {
        v[V.Q_HOURS] += now - v[V.Q_SINCE];
        v[V.BY_KIND + this.quorumKind * K.FIELDS + K.QUORUM_HOURS] += now - v[V.Q_SINCE];
      }
      this.quorumOk = q;
    }
    if (a !== this.apiOk) {
      if (!a) {
        this.apiKind = kind;
        if (now < v[V.FIRST_API]) v[V.FIRST_API] = now;
        v[V.A_SINCE] = now;
      } else {
        v[V.A_HOURS] += now - v[V.A_SINCE];
        v[V.BY_KIND + this.apiKind * K.FIELDS + K.API_HOURS] += now - v[V.A_SINCE];
      }
      this.apiOk = a;
    }
    const un = this.unavailableUnits > 0;
    if (un !== this.unavailable) {
      if (un) {
        this.unavailableKind = kind;
        v[V.U_SINCE] = now;
      } else {
        v[V.U_HOURS] += now - v[V.U_SINCE];
        v[V.BY_KIND + this.unavailableKind * K.FIELDS + K.UNAVAILABLE_HOURS] += now - v[V.U_SINCE];
      }
      this.unavailable = un;
    }
    const short = v[V.UP_CORES] < this.coresShortBelow;
    if (short !== this.capacityShort) {
      if (short) {
        this.capacityKind = kind;
        if (now < v[V.FIRST_SHORT]) v[V.FIRST_SHORT] = now;
        v[V.C_SINCE] = now;
      } else {
        v[V.C_HOURS] += now - v[V.C_SINCE];
        v[V.BY_KIND + this.capacityKind * K.FIELDS + K.CAPACITY_HOURS] += now - v[V.C_SINCE];
      }
      this.capacityShort = short;
    }
  }

  /** Whether quorum, the API, a unit's availability or capacity differs from what settle last recorded (no site partitions). */
  private stateMoved(): boolean {
    const q = this.membersUp >= this.quorumNeeded;
    return (
      q !== this.quorumOk ||
      q !== this.apiOk ||
      this.unavailableUnits > 0 !== this.unavailable ||
      this.v[V.UP_CORES] < this.coresShortBelow !== this.capacityShort
    );
  }

  /** Adds one finished trial's figures to `out`. */
  private endTrial(): void {
    const v = this.v,
      out = this.out,
      sums = this.sums,
      CP = this.CP,
      checkpointsHours = this.m.checkpointsHours,
      trialBytes = V.TRIAL_BYTES;
    this.closeSpells();
    out.trials++;
    out.componentHours += this.C * this.T;
    for (let c = 0; c < CP; c++) {
      const at = checkpointsHours[c],
        bytes = v[trialBytes + c];
      if (v[V.FIRST_QUORUM] <= at) sums[c]++;
      if (v[V.FIRST_API] <= at) sums[CP + c]++;
      if (v[V.FIRST_LOSS] <= at) sums[2 * CP + c]++;
      if (v[V.FIRST_SHORT] <= at) sums[3 * CP + c]++;
      sums[4 * CP + c] += bytes;
      sums[5 * CP + c] += bytes * bytes;
    }
    const mo = 6 * CP,
      years = this.missionYears;
    const q = v[V.Q_HOURS] / years,
      a = v[V.A_HOURS] / years,
      u = v[V.U_HOURS] / years,
      cap = v[V.C_HOURS] / years;
    sums[mo + M.QUORUM_HOURS * 2] += q;
    sums[mo + M.QUORUM_HOURS * 2 + 1] += q * q;
    sums[mo + M.API_HOURS * 2] += a;
    sums[mo + M.API_HOURS * 2 + 1] += a * a;
    sums[mo + M.UNAVAILABLE_HOURS * 2] += u;
    sums[mo + M.UNAVAILABLE_HOURS * 2 + 1] += u * u;
    sums[mo + M.CAPACITY_HOURS * 2] += cap;
    sums[mo + M.CAPACITY_HOURS * 2 + 1] += cap * cap;
  }

  run(trials: number): void {
    for (let trial = 0; trial < trials; trial++) {
      this.startTrial();
      this.events();
      this.endTrial();
    }
    this.out.byKind.set(this.v.subarray(V.BY_KIND, V.BY_KIND + KIND_COUNT * K.FIELDS));
  }

  /**
   * One trial's events in time order up to T. A method of its own, not a loop inside run: V8
   * inlines callees up to a budget per optimised function, and the per-trial set-up and totals
   * would spend it on code that runs once per trial instead of once per event.
   */
  private events(): void {
    const heap = this.heap,
      when = this.when,
      v = this.v,
      T = this.T,
      C = this.C;
    let events = 0;
    for (;;) {
      // The next event is the failure clock's or the heap's top, whichever comes first (the
      // heap's at a tie); none is left when both lie beyond T (an empty heap's time is ∞).
      const clock = v[V.CLOCK];
      const item = this.heapSize > 0 ? heap[0] : -1;
      const t = item >= 0 ? when[item] : Infinity;
      if (clock < t) {
        if (clock > T) break;
        v[V.NOW] = clock;
      } else {
        if (t > T) break;
        v[V.NOW] = t;
      }
      events++;
      // The event is dispatched here, not in a method of its own: one call fewer per event.
      let kind = Kind.DISK;
      if (clock < t) kind = this.fail(this.pickFailing());
      else if (item < C) kind = this.repair(item);
      else {
        this.restoreDisk(item - C);
        this.removeTop();
      }
      // Most events change no system state, and settle is too big for V8 to inline: it runs only when one may have.
      if (this.partitions || this.stateMoved()) this.settle(kind);
    }
    this.out.events += events;
  }
}
