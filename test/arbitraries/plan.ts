/**
 * fast-check arbitraries for plans, for property tests of the plan format and of every model.
 *
 *   validPlanArb        a VALID plan in zod's output form (every default filled), so
 *                       `validatePlan(p)` is ok and gives back a plan deep-equal to `p`.
 *   validPlanArbWith(o) the same with other size limits (`{ maxRacks: 3, maxNodesPerRack: 2 }`).
 *   mutatedPlanArb      a valid plan after 1-3 random structural mutations: usually invalid,
 *                       sometimes still valid. For "never throws, always field paths" properties.
 *   mutationArb, applyMutation, MUTATION_KINDS
 *                       one mutation as data, so a test can apply it and know where it struck.
 *
 * Shapes vary: 1-3 sites, rooms and rows; 1-12 racks with one or two feeds and one or two
 * switches of 0-2 U; 1-4 hardware profiles of 1-10 U; up to 5 nodes per rack (at most 60) stacked
 * upwards with random gaps, never overlapping and never reaching the switches; every storage
 * provider (and both Ceph pool types); optional etcdProfile, volume list and aggregate;
 * rttOverrides naming real site, room, row, rack or node ids. Ids and free-text names include
 * strings YAML likes to reinterpret ("yes", "1e3", "0x10", "null", "~", " lead", "a: b").
 *
 * Typical use in a model test:
 *   fc.assert(fc.property(validPlanArb, (plan) => { const r = physicalCapacity(plan); … }), { numRuns: 100 });
 */
import fc from 'fast-check';
import type { Disk, FeedId, Hardware, Plan, PlanNode, PowerFeed, Rack, Role, StorageSettings, Taint, Volume, Workload } from '../../src/plan/schema';
import { fieldPath } from '../../src/plan/fieldPath';
import { LONGHORN_VERSIONS } from '../../src/plan/schema';

/** Strings YAML 1.1/1.2 readers might turn into booleans, numbers, nulls, aliases or comments. */
export const YAML_TRICKY_STRINGS = [
  'yes',
  'no',
  'on',
  'off',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '1e3',
  '0x10',
  '0o17',
  '017',
  '1_000',
  '.inf',
  '-.nan',
  '12:30',
  '2024-01-01',
  '- a',
  ': x',
  '#c',
  "'",
  '"',
  ' lead',
  'trail ',
  'a\nb',
  'a\r\nb',
  '\t',
  '<<',
  '*a',
  '&a',
  '!t',
  '%x',
  '@x',
  '`x',
  '---',
  '...',
  '{a}',
  '[b]',
  'a: b',
  'a #b',
  '\u2028',
  'é',
  '日本',
  '😀',
];

/** Ids (`^[A-Za-z0-9][A-Za-z0-9._-]*$`) that look like YAML scalars of another type. */
const TRICKY_IDS = ['yes', 'no', 'true', 'null', '1e3', '0x10', '1.0', '017', '1_000', '2024-01-01', 'NaN', 'inf', '0'];

/** An id of at most 12 characters (so the 13-character `DANGLING_ID` can never be one). */
export const idArb: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...TRICKY_IDS), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,11}$/));

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A free-text name (1-120 UTF-16 units, no control characters), often one of `YAML_TRICKY_STRINGS`. */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...YAML_TRICKY_STRINGS.filter((s) => !CONTROL.test(s))),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter((s) => s.length <= 120 && !CONTROL.test(s)),
);

/** A Kubernetes label key, with and without DNS prefix. */
export const labelKeyArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('topology.kubernetes.io/zone', 'node-role.kubernetes.io/storage', 'yes', '1e3', 'null', 'true', '0x10', 'a.b_c-d', 'example.com/x.y'),
  fc.stringMatching(/^([a-z0-9]{1,6}(\.[a-z0-9]{1,6}){0,2}\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/),
);

/** A Kubernetes label value, often empty or number- or boolean-like. */
export const labelValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', 'yes', 'no', '1e3', 'null', 'true', '0x10', '1.0', '017', 'a-b_c.d'),
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/),
);

/** A number in (0, max]: whole or fractional (fractions exercise float serialisation). */
export function positiveArb(max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 1, max: Math.floor(max) }), fc.double({ min: 1e-3, max, noNaN: true, noDefaultInfinity: true }));
}

/** A number in [0, max]; never -0, which JSON cannot represent. */
export function nonNegativeArb(max = 1e6): fc.Arbitrary<number> {
  return fc.oneof(fc.constant(0), positiveArb(max));
}

const fractionArb = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const semverArb = fc.tuple(fc.nat(20), fc.nat(40), fc.nat(20)).map(([a, b, c]) => `${a}.${b}.${c}`);

/**
 * fast-check may build records and dictionaries with a null prototype; a plan read from a file
 * never has one, and `toStrictEqual` tells the two apart.
 */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Drops keys whose value is undefined, so optional fields are absent as in zod's output. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const diskArb: fc.Arbitrary<Disk> = fc.record({
  class: fc.constantFrom('nvme-enterprise', 'ssd-sata', 'nvme-consumer', 'network', 'hdd'),
  capacityGB: positiveArb(1_000_000),
  count: fc.integer({ min: 1, max: 64 }),
  purpose: fc.constantFrom('system', 'data'),
});

/** A hardware profile body (id and name are set by the plan), peak power never below typical. */
const hardwareBodyArb = fc.record({
  cores: fc.integer({ min: 1, max: 1024 }),
  cpuClass: fc.constantFrom('efficiency', 'balanced', 'performance'),
  memoryGiB: positiveArb(65_536),
  disks: fc.array(diskArb, { minLength: 1, maxLength: 3 }),
  nics: fc.record({ count: fc.integer({ min: 1, max: 8 }), speedGbps: positiveArb(800) }),
  // Mostly 1-2 U, sometimes tall, so racks fill in different ways.
  heightU: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 10 }) }),
  powerTypicalW: positiveArb(10_000),
  extraPeakW: nonNegativeArb(10_000),
  priceUsd: fc.option(nonNegativeArb(100_000), { nil: undefined }),
});

const torArb = fc.record({
  count: fc.constantFrom(1 as const, 2 as const),
  ports: fc.integer({ min: 1, max: 256 }),
  portGbps: positiveArb(800),
  uplinkGbps: positiveArb(12_800),
  heightU: fc.integer({ min: 0, max: 2 }),
  powerW: nonNegativeArb(5000),
});

const feedsArb: fc.Arbitrary<PowerFeed[]> = fc.oneof(
  fc.tuple(fc.constantFrom<FeedId>('A', 'B'), positiveArb(100_000)).map(([id, capacityW]) => [{ id, capacityW }]),
  fc
    .tuple(positiveArb(100_000), positiveArb(100_000), fc.option(idArb, { nil: undefined }))
    .map(([a, b, circuit]) => [compact({ id: 'A' as const, capacityW: a, circuit }), { id: 'B' as const, capacityW: b }]),
);

const rackBodyArb = fc.record({
  name: nameArb,
  row: fc.nat(),
  heightU: fc.integer({ min: 1, max: 60 }),
  feeds: feedsArb,
  tor: torArb,
});

/** One node to try to place: the rack stacks it above the previous one after `gapU` free U. */
const nodeSeedArb = fc.record({
  gapU: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
  hardware: fc.nat(),
  role: fc.constantFrom<Role>('controlplane', 'worker', 'storage'),
  feedPick: fc.nat(3),
  torPick: fc.nat(3),
  labels: fc.dictionary(labelKeyArb, labelValueArb, { maxKeys: 3 }),
  // Kubernetes allows one taint per key and effect, so the pair is unique.
  taints: fc.uniqueArray(
    fc.record({ key: labelKeyArb, value: labelValueArb, effect: fc.constantFrom<Taint['effect']>('NoSchedule', 'PreferNoSchedule', 'NoExecute') }),
    { maxLength: 2, selector: (t) => `${t.key} ${t.effect}` },
  ),
});

const storageArb: fc.Arbitrary<StorageSettings> = fc.oneof(
  fc.record({
    provider: fc.constant('longhorn' as const),
    replicas: fc.integer({ min: 1, max: 20 }),
    replenishmentWaitS: nonNegativeArb(2_592_000),
    concurrentRebuildsPerNode: fc.integer({ min: 1, max: 100 }),
    overProvisioningPct: nonNegativeArb(10_000),
    minimalAvailablePct: nonNegativeArb(100),
    reservedPct: nonNegativeArb(100),
    engine: fc.constantFrom('v1' as const, 'v2' as const),
    version: fc.constantFrom(...LONGHORN_VERSIONS),
  }),
  fc
    .record({
      provider: fc.constant('ceph' as const),
      pool: fc.oneof(
        fc.integer({ min: 1, max: 10 }).chain((size) =>
          fc.record({
            type: fc.constant('replicated' as const),
            size: fc.constant(size),
            minSize: fc.integer({ min: 1, max: size }),
          }),
        ),
        fc.record({ type: fc.constant('erasure' as const), k: fc.integer({ min: 1, max: 32 }), m: fc.integer({ min: 1, max: 16 }) }),
      ),
      release: fc.constantFrom('quincy' as const, 'reef' as const, 'squid' as const),
      failureDomain: fc.constantFrom('osd' as const, 'host' as const, 'rack' as const, 'row' as const, 'room' as const, 'datacenter' as const),
      downOutIntervalS: nonNegativeArb(2_592_000),
      mclockProfile: fc.constantFrom('balanced' as const, 'high_recovery_ops' as const, 'high_client_ops' as const),
      ratios: fc.array(fractionArb, { minLength: 3, maxLength: 3 }).map((r) => r.sort((x, y) => x - y)),
      pgsPerOsd: fc.integer({ min: 1, max: 1000 }),
    })
    .map(({ ratios, ...rest }) => ({ ...rest, nearfullRatio: ratios[0], backfillfullRatio: ratios[1], fullRatio: ratios[2] })),
  fc.record({ provider: fc.constant('mayastor' as const), replicas: fc.integer({ min: 1, max: 5 }), faultedWaitS: nonNegativeArb(2_592_000) }),
  fc.constant({ provider: 'local-path' as const }),
  fc.constant({ provider: 'none' as const }),
);

const clusterArb = fc.record({
  name: fc.oneof(fc.constantFrom('yes', 'null', '1e3', 'true'), fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/)),
  talosVersion: semverArb,
  kubernetesVersion: semverArb,
  // Flannel runs VXLAN only; native routing and Geneve are Cilium modes (validatePlan refuses the rest).
  cni: fc.oneof(
    fc.constant({ name: 'flannel' as const, mode: 'vxlan' as const }),
    fc.record({ name: fc.constant('cilium' as const), mode: fc.constantFrom('vxlan' as const, 'native' as const, 'geneve' as const) }),
  ),
  kubespan: fc.record({
    enabled: fc.boolean(),
    ipFamily: fc.constantFrom('ipv4' as const, 'ipv6' as const),
    cryptoGBpsPerCore: positiveArb(100),
    packetsPerSecondPerCore: fc.integer({ min: 1000, max: 1e7 }),
    keepaliveS: positiveArb(3600),
    discoveryTtlS: positiveArb(86_400),
    excludeStorageTraffic: fc.boolean(),
  }),
  kubeprism: fc.record({ enabled: fc.boolean(), port: fc.integer({ min: 1, max: 65535 }) }),
  etcd: fc
    .record({
      heartbeatMs: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 1, max: 10_000, noNaN: true })),
      electionFactor: fc.oneof(fc.constant(5), fc.double({ min: 5, max: 500, noNaN: true })),
      quotaBackendBytes: positiveArb(8 * 2 ** 30 * 4),
      snapshotCount: fc.integer({ min: 1, max: 1_000_000 }),
      compactionIntervalMin: positiveArb(10_080),
    })
    .map(({ electionFactor, ...e }) => ({ ...e, electionTimeoutMs: Math.min(50_000, Math.max(5 * e.heartbeatMs, e.heartbeatMs * electionFactor)) })),
  allowSchedulingOnControlPlanes: fc.boolean(),
  storage: storageArb,
  kubelet: fc.record({
    maxPods: fc.integer({ min: 1, max: 2500 }),
    systemReservedCpuMillicores: nonNegativeArb(64_000),
    systemReservedMemoryMiBControlPlane: nonNegativeArb(1_048_576),
    systemReservedMemoryMiBWorker: nonNegativeArb(1_048_576),
    kubeReservedCpuMillicores: nonNegativeArb(64_000),
    kubeReservedMemoryMiB: nonNegativeArb(1_048_576),
    evictionHardMemoryMiB: nonNegativeArb(1_048_576),
  }),
  nodeLifecycle: fc
    .record({
      nodeMonitorGracePeriodS: fc.option(positiveArb(3600), { nil: undefined }),
      notReadyTolerationS: nonNegativeArb(86_400),
      unreachableTolerationS: nonNegativeArb(86_400),
    })
    .map(compact),
});

const volumeArb: fc.Arbitrary<Volume> = fc
  .record({
    name: nameArb,
    sizeGB: positiveArb(1e6),
    fillPct: nonNegativeArb(100),
    replicas: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
  })
  .map(compact);

const workloadArb: fc.Arbitrary<Workload> = fc
  .record({
    pods: fc.integer({ min: 0, max: 1_000_000 }),
    namespaces: fc.integer({ min: 0, max: 100_000 }),
    services: fc.integer({ min: 0, max: 1_000_000 }),
    configMapsAndSecrets: fc.integer({ min: 0, max: 10_000_000 }),
    customObjects: fc.integer({ min: 0, max: 10_000_000 }),
    avgObjectBytes: positiveArb(1_572_864),
    podChurnPerMin: nonNegativeArb(),
    apiWritesPerS: nonNegativeArb(),
    apiReadsPerS: nonNegativeArb(),
    watchers: fc.integer({ min: 0, max: 10_000_000 }),
    eastWestGbpsPerNode: nonNegativeArb(400),
    storageUsedGBPerNode: nonNegativeArb(),
    podCpuMillicores: nonNegativeArb(1_000_000),
    podMemoryMiB: nonNegativeArb(4_194_304),
    volumes: fc
      .record({
        list: fc.array(volumeArb, { maxLength: 3 }),
        aggregate: fc.option(
          fc.record({
            count: fc.integer({ min: 0, max: 1_000_000 }),
            meanSizeGB: positiveArb(1e5),
            sizeSpread: nonNegativeArb(5),
            fillPct: nonNegativeArb(100),
          }),
          { nil: undefined },
        ),
      })
      .map(compact),
    etcdProfile: fc.option(
      fc
        .record({
          clients: fc.integer({ min: 1, max: 1000 }),
          connectionShare: fc.double({ min: 0, max: 1, noNaN: true }),
          clientRttMs: nonNegativeArb(1000),
          keyBytes: positiveArb(1_572_864),
          valueBytes: positiveArb(1_572_864),
          writeFraction: fractionArb,
          readConsistency: fc.constantFrom('linearizable' as const, 'serializable' as const),
          target: fc.constantFrom('leader' as const, 'all' as const),
          ratePerS: fc.option(positiveArb(10_000_000), { nil: undefined }),
          // etcd's own benchmarks run many clients over fewer connections (1,000 over 100).
        })
        .map(({ connectionShare, ...p }) => compact({ ...p, connections: Math.max(1, Math.round(p.clients * connectionShare)) })),
      { nil: undefined },
    ),
  })
  .map(compact);

const failureSpecArb = fc.record({
  annualFailureRate: nonNegativeArb(100),
  repairHours: positiveArb(100_000),
  repairDistribution: fc.constantFrom('exponential' as const, 'lognormal' as const),
  repairSigma: fc.double({ min: 0.05, max: 3, noNaN: true }),
});

const reliabilityArb = fc.record({
  disk: failureSpecArb,
  node: failureSpecArb,
  tor: failureSpecArb,
  feed: failureSpecArb,
  rack: failureSpecArb,
  room: failureSpecArb,
  site: failureSpecArb,
  siteLink: failureSpecArb,
  repairCrew: fc.constantFrom('parallel' as const, 'serial' as const),
  capacityNeededPct: fc.double({ min: 1, max: 100, noNaN: true }),
  missionYears: fc.array(positiveArb(100), { minLength: 1, maxLength: 10 }),
});

const networkBodyArb = fc.record({
  mtu: fc.integer({ min: 1280, max: 9216 }),
  rtt: fc.record({
    sameRackMs: nonNegativeArb(10),
    sameRowMs: nonNegativeArb(10),
    crossRowMs: nonNegativeArb(10),
    crossRoomMs: nonNegativeArb(50),
    crossSiteMs: nonNegativeArb(500),
  }),
  switchHopUs: nonNegativeArb(1000),
  overrides: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), rttMs: nonNegativeArb(500) }), { maxLength: 3 }),
});

export interface PlanArbOptions {
  /** At most this many racks (1-12 by default). */
  maxRacks?: number;
  /** At most this many nodes tried per rack (5 by default; 12 racks x 5 = 60 nodes). */
  maxNodesPerRack?: number;
  /** At most this many hardware profiles (4 by default). */
  maxHardware?: number;
}

/** A valid plan in output form; see the file comment. */
export function validPlanArbWith(options: PlanArbOptions = {}): fc.Arbitrary<Plan> {
  const maxRacks = options.maxRacks ?? 12;
  const maxNodesPerRack = options.maxNodesPerRack ?? 5;
  const maxHardware = options.maxHardware ?? 4;
  const counts = fc.record({
    sites: fc.integer({ min: 1, max: 3 }),
    rooms: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 1, max: 3 }),
    racks: fc.integer({ min: 1, max: maxRacks }),
    hardware: fc.integer({ min: 1, max: maxHardware }),
  });
  return counts.chain((n) => {
    const nodeSlots = n.racks * maxNodesPerRack;
    const idCount = n.sites + n.rooms + n.rows + n.racks + n.hardware + nodeSlots;
    const exactly = <T>(arb: fc.Arbitrary<T>, length: number) => fc.array(arb, { minLength: length, maxLength: length });
    return fc
      .record({
        schemaUrl: fc.option(fc.constantFrom('https://rackplan.dev/plan.schema.json', './plan.schema.json'), { nil: undefined }),
        name: nameArb,
        description: fc.oneof(fc.constant(''), nameArb, fc.string({ maxLength: 200 })),
        ids: fc.uniqueArray(idArb, { minLength: idCount, maxLength: idCount }),
        hostPrefix: fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,8}[a-z0-9])?$/),
        sites: exactly(
          fc.record({ name: nameArb, kind: fc.constantFrom('datacenter' as const, 'cloud' as const, 'edge' as const), wanGbps: positiveArb(1e4) }),
          n.sites,
        ),
        rooms: exactly(fc.record({ name: nameArb, site: fc.nat(), coreGbps: positiveArb(1e5) }), n.rooms),
        rows: exactly(fc.record({ name: nameArb, room: fc.nat(), spineGbps: positiveArb(1e5) }), n.rows),
        racks: exactly(rackBodyArb, n.racks),
        hardware: exactly(fc.record({ name: nameArb, body: hardwareBodyArb }), n.hardware),
        fills: exactly(fc.array(nodeSeedArb, { maxLength: maxNodesPerRack }), n.racks),
        network: networkBodyArb,
        cluster: clusterArb,
        workload: workloadArb,
        reliability: reliabilityArb,
      })
      .map((g): Plan => {
        let nextId = 0;
        const takeId = () => g.ids[nextId++];
        const sites = g.sites.map((s) => ({ id: takeId(), ...s }));
        const rooms = g.rooms.map((r) => ({ id: takeId(), name: r.name, siteId: sites[r.site % sites.length].id, coreGbps: r.coreGbps }));
        const rows = g.rows.map((r) => ({ id: takeId(), name: r.name, roomId: rooms[r.room % rooms.length].id, spineGbps: r.spineGbps }));
        const racks: Rack[] = g.racks.map((r) => ({
          id: takeId(),
          name: r.name,
          rowId: rows[r.row % rows.length].id,
          // Leave at least one U below the switches.
          heightU: Math.max(r.heightU, r.tor.count * r.tor.heightU + 1),
          feeds: r.feeds,
          tor: r.tor,
        }));
        const hardware: Hardware[] = g.hardware.map(({ name, body: { extraPeakW, priceUsd, ...h } }) =>
          compact({
            id: takeId(),
            name,
            ...h,
            powerPeakW: Math.min(20_000, h.powerTypicalW + extraPeakW),
            priceUsd,
          }),
        );
        const nodes: PlanNode[] = [];
        racks.forEach((rack, r) => {
          let nextU = 1;
          const topU = rack.heightU - rack.tor.count * rack.tor.heightU;
          for (const seed of g.fills[r]) {
            const hw = hardware[seed.hardware % hardware.length];
            const positionU = nextU + seed.gapU;
            const id = takeId();
            if (positionU + hw.heightU - 1 > topU) continue;
            // etcd supports at most 7 members (MAX_ETCD_MEMBERS): further control planes become workers.
            const role = seed.role === 'controlplane' && nodes.filter((x) => x.role === 'controlplane').length >= 7 ? 'worker' : seed.role;
            nextU = positionU + hw.heightU;
            const feedIds = rack.feeds.map((f) => f.id);
            const feeds = feedIds.length === 1 ? feedIds : ([['A', 'B'], ['B', 'A'], ['A'], ['B']][seed.feedPick] as FeedId[]);
            const tors = rack.tor.count === 1 ? ['A' as const] : ([['A', 'B'], ['B', 'A'], ['A'], ['B']][seed.torPick] as FeedId[]);
            nodes.push({
              id,
              name: `${g.hostPrefix}-${nodes.length}`,
              role,
              hardwareId: hw.id,
              rackId: rack.id,
              positionU,
              feeds,
              tors,
              labels: seed.labels,
              taints: seed.taints,
            });
          }
        });
        const endpoints = [...sites, ...rooms, ...rows, ...racks, ...nodes].map((e) => e.id);
        const { overrides, ...network } = g.network;
        return compact({
          $schema: g.schemaUrl,
          version: 1 as const,
          name: g.name,
          description: g.description,
          sites,
          rooms,
          rows,
          racks,
          hardware,
          nodes,
          network: {
            ...network,
            rttOverrides: overrides.map((o) => ({ from: endpoints[o.from % endpoints.length], to: endpoints[o.to % endpoints.length], rttMs: o.rttMs })),
          },
          cluster: g.cluster,
          workload: g.workload,
          reliability: g.reliability,
        });
      })
      .map(plainCopy);
  });
}

/** A valid plan of up to 12 racks and 60 nodes; see the file comment. */
export const validPlanArb: fc.Arbitrary<Plan> = validPlanArbWith();

// ---------------------------------------------------------------------------------------------
// Mutations

/**
 * What a mutation does. The first five always make a plan invalid and name the field they
 * broke (`MutationResult.path`); the rest may or may not.
 *   negative     a number anywhere becomes -1 (every number in a plan is >= 0 or exactly 1)
 *   wrongType    a value (not the root) becomes one of another JSON type
 *   unknownField an object other than `labels` gains the key `zzUnknown`
 *   dangling     a reference (siteId, roomId, rowId, rackId, hardwareId, rttOverrides) names no id
 *   duplicateId  a later item of a collection copies an earlier item's id
 *   overlap      a node moves onto another node's rack and U
 *   delete       a key is removed (invalid if the field is required)
 *   odd          a value becomes NaN, null, Infinity, a string, an array, 1e308, 1.5, …
 *   deepRandom   a value becomes a random JSON value
 *   swap         two array items change places
 */
export const MUTATION_KINDS = ['negative', 'wrongType', 'unknownField', 'dangling', 'duplicateId', 'overlap', 'delete', 'odd', 'deepRandom', 'swap'] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];
export const BREAKING_KINDS: readonly MutationKind[] = ['negative', 'wrongType', 'unknownField', 'dangling', 'duplicateId', 'overlap'];

/** One mutation as data: `pick` and `other` choose targets modulo the candidates. */
export interface Mutation {
  kind: MutationKind;
  pick: number;
  other: number;
  value: unknown;
}

export interface MutationResult {
  doc: unknown;
  /** For breaking kinds, the field path validation must name; null if the mutation found no target. */
  path: string | null;
}

/** A dangling id: 13 characters, longer than any id `idArb` makes. */
export const DANGLING_ID = 'zz-dangling-0';

const ODD_VALUES: unknown[] = [
  Number.NaN,
  null,
  Number.POSITIVE_INFINITY,
  -0,
  1.5,
  1e308,
  -1e308,
  '',
  'x',
  '1',
  'true',
  [],
  {},
  [1, 'a'],
  { a: null },
  true,
  false,
  0,
  61,
  2 ** 53,
];

/** A mutation of any kind; `value` feeds the `odd` and `deepRandom` kinds. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATION_KINDS),
  pick: fc.nat(),
  other: fc.nat(),
  value: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 3 })),
});

type Json = Record<string, unknown> | unknown[];
type Path = (string | number)[];

function walk(value: unknown, path: Path, out: { path: Path; value: unknown }[]): void {
  out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], out);
}

function parentOf(doc: unknown, path: Path): Json {
  let v = doc;
  for (const key of path.slice(0, -1)) v = (v as Record<string | number, unknown>)[key];
  return v as Json;
}

function setAt(doc: unknown, path: Path, value: unknown): void {
  (parentOf(doc, path) as Record<string | number, unknown>)[path[path.length - 1]] = value;
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

const OTHER_TYPE: Record<string, unknown[]> = {
  number: ['12', true, null, [], {}],
  string: [12, false, null, ['x'], {}],
  boolean: ['true', 1, null, [], {}],
  object: ['x', 3, null, [], true],
  array: ['x', 3, null, {}, false],
  null: ['x', 3, [], {}],
};

const REFERENCES: [string, string][] = [
  ['rooms', 'siteId'],
  ['rows', 'roomId'],
  ['racks', 'rowId'],
  ['nodes', 'rackId'],
  ['nodes', 'hardwareId'],
];
const COLLECTIONS = ['sites', 'rooms', 'rows', 'racks', 'hardware', 'nodes'];

/** The indices of the items of `list` that are objects (none when `list` is not an array). */
function objectIndices(list: unknown): number[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? [i] : []));
}

/**
 * Applies one mutation to a deep copy of `doc` (a valid plan or an already mutated one).
 * Returns the new document and, for breaking kinds, the path that validation must report.
 */
export function applyMutation(doc: unknown, m: Mutation): MutationResult {
  const out = structuredClone(doc) as Record<string, unknown>;
  const all: { path: Path; value: unknown }[] = [];
  walk(out, [], all);
  const nonRoot = all.filter((e) => e.path.length > 0);
  const choose = <T>(items: T[], n = m.pick): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);
  const none = { doc: out, path: null };
  const plan = out as Record<string, unknown[] | undefined>;
  switch (m.kind) {
    case 'negative': {
      const target = choose(nonRoot.filter((e) => typeof e.value === 'number'));
      if (!target) return none;
      setAt(out, target.path, -1);
      return { doc: out, path: fieldPath(target.path) };
    }
    case 'wrongType': {
      const target = choose(nonRoot);
      if (!target) return none;
      setAt(out, target.path, choose(OTHER_TYPE[typeOf(target.value)] ?? ['x'], m.other));
      return { doc: out, path: fieldPath(target.path) };
    }
    case 'unknownField': {
      const target = choose(all.filter((e) => typeOf(e.value) === 'object' && e.path[e.path.length - 1] !== 'labels'));
      if (!target) return none;
      (target.value as Record<string, unknown>).zzUnknown = m.value;
      return { doc: out, path: fieldPath([...target.path, 'zzUnknown']) };
    }
    case 'dangling': {
      const candidates: Path[] = [];
      for (const [collection, field] of REFERENCES) {
        (Array.isArray(plan[collection]) ? plan[collection] : []).forEach((item, i) => {
          if (item !== null && typeof item === 'object' && field in item) candidates.push([collection, i, field]);
        });
      }
      // An earlier mutation may have replaced the network, its overrides or one of them by a non-object.
      const network = out.network as { rttOverrides?: unknown } | undefined;
      const overrides = network !== null && typeof network === 'object' && Array.isArray(network.rttOverrides) ? (network.rttOverrides as unknown[]) : [];
      overrides.forEach((o, i) => {
        if (o !== null && typeof o === 'object' && !Array.isArray(o)) candidates.push(['network', 'rttOverrides', i, m.other % 2 === 0 ? 'from' : 'to']);
      });
      const target = choose(candidates);
      if (!target) return none;
      setAt(out, target, DANGLING_ID);
      return { doc: out, path: fieldPath(target) };
    }
    case 'duplicateId': {
      // An earlier mutation may have replaced a list, or items in it, by non-objects.
      const collection = choose(COLLECTIONS.filter((c) => objectIndices(plan[c]).length >= 2));
      if (!collection) return none;
      const items = plan[collection] as { id: unknown }[];
      const at = objectIndices(items);
      const i = m.pick % at.length;
      const j = (i + 1 + (m.other % (at.length - 1))) % at.length;
      const [first, later] = at[i] < at[j] ? [at[i], at[j]] : [at[j], at[i]];
      items[later].id = items[first].id;
      return { doc: out, path: `${collection}[${later}].id` };
    }
    case 'overlap': {
      const nodes = plan.nodes as { rackId: unknown; positionU: unknown }[] | undefined;
      const at = objectIndices(nodes);
      if (at.length < 2) return none;
      const i = at[m.pick % at.length];
      const j = at[(at.indexOf(i) + 1 + (m.other % (at.length - 1))) % at.length];
      nodes![j].rackId = nodes![i].rackId;
      nodes![j].positionU = nodes![i].positionU;
      return { doc: out, path: `nodes[${Math.max(i, j)}].positionU` };
    }
    case 'delete': {
      const target = choose(nonRoot);
      if (!target) return none;
      const parent = parentOf(out, target.path);
      const key = target.path[target.path.length - 1];
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return none;
    }
    case 'odd':
    case 'deepRandom': {
      const target = choose(nonRoot);
      if (!target) return none;
      setAt(out, target.path, structuredClone(m.value));
      return none;
    }
    case 'swap': {
      const arrays = all.filter((e) => Array.isArray(e.value) && (e.value as unknown[]).length >= 2);
      const target = choose(arrays);
      if (!target) return none;
      const items = target.value as unknown[];
      const i = m.other % items.length;
      [items[0], items[i]] = [items[i], items[0]];
      return none;
    }
  }
}

/** A document made from each plan of `base` by 1-3 mutations of any kind. */
export function mutatedPlanArbFrom(base: fc.Arbitrary<Plan>): fc.Arbitrary<unknown> {
  return fc
    .tuple(base, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
    .map(([plan, mutations]) => mutations.reduce<unknown>((doc, m) => applyMutation(doc, m).doc, plan));
}

/** A valid plan after 1-3 random mutations; see `MUTATION_KINDS`. */
export const mutatedPlanArb: fc.Arbitrary<unknown> = mutatedPlanArbFrom(validPlanArbWith({ maxRacks: 6, maxNodesPerRack: 4 }));
