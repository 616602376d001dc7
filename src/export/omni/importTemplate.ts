import { storageSchema, validatePlan, type Hardware, type Plan, type PlanIssue, type Role, type Taint } from '../../plan';
import { baseSettings } from '../../plan/samples/common';
import { PlanBuilder } from '../../plan/samples/planBuilder';
import { CLUSTER_LABELS } from './exportTemplate';
import { isMap } from './loadTemplate';
import { SET_LABELS } from './machineSets';
import { PLACEMENT_ANNOTATION, readPlacement, type Placement } from './placement';
import { lastValue, mergedMap, patchDocuments } from './readPatches';
import { isSemverError, parseTolerantSemver } from './semver';
import { WIREGUARD_OVERHEAD_BYTES } from './talosPatches';
import type { ClusterDocument, MachineDocument, MachineSetDocument, TemplateDocument } from './templateModel';
import { TOPOLOGY_LABELS } from './topologyLabels';

/** What a template cannot say, asked of the user: the hardware and how many racks. */
export interface ImportAnswers {
  /** Hardware profiles to use; a set labelled with one of their ids gets it. */
  hardware: Hardware[];
  /** The profile for sets that name none (or one not in `hardware`). */
  defaultHardwareId: string;
  /** Per role, a profile that overrides `defaultHardwareId` for that role's sets. */
  hardwareByRole?: Partial<Record<Role, string>>;
  /** Racks to spread nodes over when the template has no rack labels; more are added if they fill. */
  rackCount: number;
  /** Machines assumed for a class of size `Unlimited`, which takes "all that match". */
  unlimitedSize: number;
  /** Read `file:` patches (the CLI); absent in the app. */
  readFile?: (path: string) => string | undefined;
}

export type ImportResult = { ok: true; plan: Plan; notes: string[] } | { ok: false; issues: PlanIssue[] };

/** A rack is 42 U unless the template says otherwise: the common full-height rack (EIA-310). */
const RACK_HEIGHT_U = 42;

/**
 * Builds a new plan from a loaded (and validated) Omni template: cluster name and versions;
 * CNI, KubeSpan (and the underlay MTU it implies), KubePrism and control-plane scheduling from
 * the patches; the storage provider from Rackplan's cluster label or, for foreign templates,
 * from its footprints (iSCSI tools: Longhorn; Mayastor's label or nvme_tcp with huge pages:
 * Mayastor; the local-path mount); Omni features; one node per machine (UUIDs kept) or per
 * class slot; node labels and taints from the set and machine patches; sites, rooms, rows and
 * racks from the topology labels, else `rackCount` racks filled round-robin. Never throws.
 */
export function planFromTemplate(documents: readonly TemplateDocument[], answers: ImportAnswers): ImportResult {
  const notes: string[] = [];
  const cluster = documents.find((d): d is ClusterDocument => d.kind === 'Cluster');
  const sets = documents.filter((d): d is MachineSetDocument => d.kind === 'ControlPlane' || d.kind === 'Workers');
  const machines = new Map(documents.filter((d): d is MachineDocument => d.kind === 'Machine' && !!d.name).map((m) => [m.name!, m]));
  if (!cluster) return { ok: false, issues: [{ path: '(template)', message: 'has no Cluster document' }] };

  const clusterDocs = patchDocuments(cluster.patches, answers.readFile);
  const setDocs = sets.map((s) => patchDocuments(s.patches, answers.readFile));
  const unread = [...clusterDocs.unread, ...setDocs.flatMap((d) => d.unread)];
  if (unread.length > 0) notes.push(`Patches not read (files are read only by the CLI): ${unread.join(', ')}.`);
  const allDocs = [...clusterDocs.documents, ...setDocs.flatMap((d) => d.documents)];

  const name = (cluster.name ?? 'imported').replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 63) || 'imported';
  const base = baseSettings(`Imported ${name}`, name, `Imported from an Omni cluster template (${sets.length} machine set${sets.length === 1 ? '' : 's'}).`);
  base.cluster.talosVersion = plainVersion(cluster.talos?.version, base.cluster.talosVersion, 'Talos', notes);
  base.cluster.kubernetesVersion = plainVersion(cluster.kubernetes?.version, base.cluster.kubernetesVersion, 'Kubernetes', notes);

  const cniLabel = cluster.labels?.[CLUSTER_LABELS.cni]?.split('-');
  const cniNone = lastValue(allDocs, 'cluster.network.cni.name') === 'none';
  if (cniLabel && (cniLabel[0] === 'cilium' || cniLabel[0] === 'flannel')) {
    base.cluster.cni = { name: cniLabel[0], mode: (['vxlan', 'native', 'geneve'].includes(cniLabel[1]) ? cniLabel[1] : 'vxlan') as 'vxlan' };
  } else if (cniNone) {
    base.cluster.cni = { name: 'cilium', mode: 'vxlan' };
    notes.push('The template turns the built-in CNI off (cni: none); Cilium is assumed.');
  }

  const legacyKubespan = lastValue(allDocs, 'machine.network.kubespan.enabled');
  const docKubespan = lastValue(allDocs, 'enabled', 'KubeSpanConfig');
  base.cluster.kubespan.enabled = (docKubespan ?? legacyKubespan) === true;
  const kubespanMtu = lastValue(allDocs, 'mtu', 'KubeSpanConfig') ?? lastValue(allDocs, 'machine.network.kubespan.mtu');
  if (typeof kubespanMtu === 'number') base.network.mtu = Math.min(9216, Math.max(1280, kubespanMtu + WIREGUARD_OVERHEAD_BYTES));
  const prismEnabled = lastValue(allDocs, 'machine.features.kubePrism.enabled');
  const prismPort = lastValue(allDocs, 'machine.features.kubePrism.port');
  base.cluster.kubeprism = {
    enabled: typeof prismEnabled === 'boolean' ? prismEnabled : true,
    port: typeof prismPort === 'number' && Number.isInteger(prismPort) && prismPort >= 1 && prismPort <= 65535 ? prismPort : 7445,
  };
  base.cluster.allowSchedulingOnControlPlanes = lastValue(allDocs, 'cluster.allowSchedulingOnControlPlanes') === true;
  base.cluster.storage = storageOf(
    cluster,
    sets,
    setDocs.map((d) => d.documents),
    base.cluster.storage,
  );
  const f = cluster.features;
  if (f && (f.diskEncryption || f.enableWorkloadProxy || f.backupConfiguration?.intervalSeconds)) {
    base.cluster.omni = {
      diskEncryption: f.diskEncryption === true,
      workloadProxy: f.enableWorkloadProxy === true,
      ...(f.backupConfiguration?.intervalSeconds ? { etcdBackupIntervalS: f.backupConfiguration.intervalSeconds } : {}),
    };
  }

  const hardwareById = new Map(answers.hardware.map((h) => [h.id, h]));
  const fallback = hardwareById.get(answers.defaultHardwareId) ?? answers.hardware[0];
  if (!fallback) return { ok: false, issues: [{ path: '(answers)', message: 'needs at least one hardware profile' }] };

  // Every node to place: its set, role, hardware, labels, taints and UUID.
  const pending: Pending[] = [];
  const usedHardware = new Set<string>();
  sets.forEach((set, i) => {
    const docs = setDocs[i].documents;
    const role = roleOf(set, docs);
    const hwId = set.labels?.[SET_LABELS.hardware];
    const roleDefault = hardwareById.get(answers.hardwareByRole?.[role] ?? '') ?? fallback;
    const hardware = (hwId && hardwareById.get(hwId)) || roleDefault;
    if (hwId && !hardwareById.has(hwId))
      notes.push(`Machine set ${set.name ?? set.kind} names hardware ${hwId}, which is not among the profiles; ${roleDefault.id} is used.`);
    const labels = mergedMap(docs, 'machine.nodeLabels');
    // The storage provider's own label is the provider's business, not the plan's.
    delete labels['openebs.io/engine'];
    const taints = taintsOf(docs);
    let ids: (string | undefined)[];
    if (set.machines && set.machines.length > 0) ids = set.machines;
    else if (set.machineClass?.size === 'Unlimited') {
      ids = Array.from({ length: answers.unlimitedSize }, () => undefined);
      notes.push(`Machine class ${set.machineClass.name} takes every matching machine (Unlimited); ${answers.unlimitedSize} are assumed.`);
    } else ids = Array.from({ length: typeof set.machineClass?.size === 'number' ? Math.min(set.machineClass.size, 10_000) : 0 }, () => undefined);
    const placement = set.annotations?.[PLACEMENT_ANNOTATION];
    const places = placement ? readPlacement(placement, 10_000) : undefined;
    if (placement && places?.length !== ids.length)
      notes.push(`Machine set ${set.name ?? set.kind}: its ${PLACEMENT_ANNOTATION} annotation does not fit its ${ids.length} machines and is ignored.`);
    ids.forEach((id, k) => {
      const place = places?.length === ids.length ? places[k] : undefined;
      const placedHardware = place ? hardwareById.get(place.hardwareId) : undefined;
      const machine = id ? machines.get(id) : undefined;
      const own = machine ? mergedMap(patchDocuments(machine.patches, answers.readFile).documents, 'machine.nodeLabels') : {};
      const uuid = id
        ?.toLowerCase()
        .replace(/^urn:uuid:/, '')
        .replace(/^\{|\}$/g, '');
      const nodeHardware = placedHardware ?? hardware;
      usedHardware.add(nodeHardware.id);
      pending.push({
        role,
        hardware: nodeHardware,
        taints,
        place,
        labels: { ...labels, ...own },
        ...(uuid && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid) ? { machineUuid: uuid } : {}),
      });
    });
  });
  if (pending.length > 10_000)
    return { ok: false, issues: [{ path: '(template)', message: `describes ${pending.length} machines; plans may have at most 10000` }] };

  const hardware = answers.hardware.filter((h) => usedHardware.has(h.id));
  const b = new PlanBuilder(base, hardware.length > 0 ? hardware.map((h) => structuredClone(h)) : [structuredClone(fallback)]);
  placeNodes(b, pending, Math.max(1, Math.min(answers.rackCount, 1000)), notes);
  const result = validatePlan(b.build());
  if (!result.ok) return { ok: false, issues: result.issues };
  return { ok: true, plan: result.plan, notes };
}

/** `v1.12.0` → `1.12.0`; a pre-release or build suffix is dropped (plans name releases). */
function plainVersion(text: string | undefined, fallback: string, what: string, notes: string[]): string {
  if (!text) return fallback;
  const v = parseTolerantSemver(text);
  if (isSemverError(v)) {
    notes.push(`${what} version ${text} is not a version; ${fallback} is used.`);
    return fallback;
  }
  if (v.pre.length > 0) notes.push(`${what} ${text} is a pre-release; the plan says ${v.major}.${v.minor}.${v.patch}.`);
  return `${v.major}.${v.minor}.${v.patch}`;
}

function roleOf(set: MachineSetDocument, docs: Record<string, unknown>[]): Role {
  const label = set.labels?.[SET_LABELS.role];
  if (set.kind === 'ControlPlane') return 'controlplane';
  if (label === 'storage' || label === 'worker') return label;
  const labels = mergedMap(docs, 'machine.nodeLabels');
  const storageish = 'node-role.kubernetes.io/storage' in labels || 'openebs.io/engine' in labels || /storage/i.test(set.name ?? '');
  return storageish ? 'storage' : 'worker';
}

function taintsOf(docs: Record<string, unknown>[]): Taint[] {
  const out: Taint[] = [];
  for (const [key, text] of Object.entries(mergedMap(docs, 'machine.nodeTaints'))) {
    const [value, effect] = text.includes(':') ? [text.slice(0, text.indexOf(':')), text.slice(text.indexOf(':') + 1)] : ['', text];
    if (effect === 'NoSchedule' || effect === 'PreferNoSchedule' || effect === 'NoExecute') out.push({ key, value, effect });
  }
  const registered = lastValue(docs, 'machine.kubelet.extraConfig.registerWithTaints');
  if (Array.isArray(registered)) {
    for (const t of registered) {
      if (!isMap(t) || typeof t.key !== 'string') continue;
      const effect = t.effect;
      if (effect === 'NoSchedule' || effect === 'PreferNoSchedule' || effect === 'NoExecute')
        out.push({ key: t.key, value: typeof t.value === 'string' ? t.value : '', effect });
    }
  }
  return out;
}

function storageOf(
  cluster: ClusterDocument,
  sets: MachineSetDocument[],
  docs: Record<string, unknown>[][],
  current: Plan['cluster']['storage'],
): Plan['cluster']['storage'] {
  const label = cluster.labels?.[CLUSTER_LABELS.storage];
  const extensions = new Set([...(cluster.systemExtensions ?? []), ...sets.flatMap((s) => s.systemExtensions ?? [])]);
  const all = docs.flat();
  const hugepages = lastValue(all, 'machine.sysctls') as Record<string, unknown> | undefined;
  const hasHugepages = isMap(hugepages) && 'vm.nr_hugepages' in hugepages;
  const provider =
    label ??
    (extensions.has('siderolabs/iscsi-tools')
      ? 'longhorn'
      : 'openebs.io/engine' in mergedMap(all, 'machine.nodeLabels') || (hasHugepages && JSON.stringify(all).includes('nvme_tcp'))
        ? 'mayastor'
        : JSON.stringify(all).includes('/var/local-path-provisioner')
          ? 'local-path'
          : 'none');
  const parsed = validateStorage(provider, provider === 'longhorn' && hasHugepages);
  return parsed ?? current;
}

/** A provider with the defaults the plan schema fills in. */
function validateStorage(provider: string, v2: boolean): Plan['cluster']['storage'] | undefined {
  const input =
    provider === 'ceph' ? { provider, pool: { type: 'replicated' } } : provider === 'longhorn' ? { provider, engine: v2 ? 'v2' : 'v1' } : { provider };
  const parsed = storageSchema.safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

/** One node to place: its role, hardware, labels, taints, UUID and, from our own exports, its place. */
interface Pending {
  role: Role;
  hardware: Hardware;
  labels: Record<string, string>;
  taints: Taint[];
  machineUuid?: string;
  place?: Placement;
}

/**
 * Places nodes: by their topology labels when every node has a rack label (sites, rooms and
 * rows from the region, room and row labels), else round-robin over `rackCount` racks in one
 * row. A full rack spills into a new one beside it.
 */
function placeNodes(b: PlanBuilder, pending: Pending[], rackCount: number, notes: string[]): void {
  const labelled = pending.length > 0 && pending.every((p) => p.place || p.labels[TOPOLOGY_LABELS.rack]);
  const freeU = new Map<string, number>();
  const ensure = (site: string, room: string, row: string, rack: string) => {
    if (!b.plan.sites.some((s) => s.id === site)) b.site(site, site.toUpperCase());
    if (!b.plan.rooms.some((r) => r.id === room)) b.room(room, room, site);
    if (!b.plan.rows.some((r) => r.id === row)) b.row(row, row, room);
    if (!b.plan.racks.some((r) => r.id === rack)) {
      const switchesU = 2;
      b.rack(rack, row, { heightU: Math.min(60, Math.max(RACK_HEIGHT_U, (neededU.get(rack) ?? 0) + switchesU)) });
      const r = b.plan.racks.find((x) => x.id === rack)!;
      freeU.set(rack, r.heightU - r.tor.count * r.tor.heightU);
    }
  };
  // Racks named by the template get the height their nodes need (42 U at least, 60 at most).
  const neededU = new Map<string, number>();
  if (labelled) {
    for (const p of pending) {
      const rack = p.place?.rack ?? p.labels[TOPOLOGY_LABELS.rack];
      neededU.set(rack, (neededU.get(rack) ?? 0) + p.hardware.heightU);
    }
  }
  let spilled = 0;
  pending.forEach((p, i) => {
    let site = 'site-1',
      room = 'room-1',
      row = 'row-1',
      rack = `r${(i % rackCount) + 1}`;
    const labels = { ...p.labels };
    if (p.place) {
      ({ site, room, row, rack } = p.place);
      // A topology label that only repeats the place was derived by the export; one that differs is the node's own.
      const derived: Record<string, string> = {
        [TOPOLOGY_LABELS.site]: site,
        [TOPOLOGY_LABELS.room]: room,
        [TOPOLOGY_LABELS.row]: row,
        [TOPOLOGY_LABELS.rack]: rack,
      };
      for (const [k, v] of Object.entries(derived)) if (labels[k] === v) delete labels[k];
    } else if (labelled) {
      site = safeId(labels[TOPOLOGY_LABELS.site]) ?? site;
      room = safeId(labels[TOPOLOGY_LABELS.room]) ?? room;
      row = safeId(labels[TOPOLOGY_LABELS.row]) ?? row;
      rack = safeId(labels[TOPOLOGY_LABELS.rack]) ?? rack;
      for (const k of Object.values(TOPOLOGY_LABELS)) delete labels[k];
    }
    ensure(site, room, row, rack);
    let target = rack;
    for (let n = 2; (freeU.get(target) ?? 0) < p.hardware.heightU; n++) {
      target = `${rack}-${n}`;
      ensure(site, room, row, target);
    }
    if (target !== rack) spilled++;
    freeU.set(target, (freeU.get(target) ?? 0) - p.hardware.heightU);
    b.nodes(target, p.role, p.hardware.id, 1, { labels, taints: p.taints, ...(p.machineUuid ? { machineUuid: p.machineUuid } : {}) });
  });
  if (spilled > 0) notes.push(`${spilled} node${spilled === 1 ? '' : 's'} did not fit their rack and went into added racks.`);
  if (!labelled) notes.push(`The template has no rack labels: nodes are spread round-robin over ${rackCount} rack${rackCount === 1 ? '' : 's'}.`);
  if (b.plan.sites.length === 0) ensure('site-1', 'room-1', 'row-1', 'r1');
}

function safeId(v: string | undefined): string | undefined {
  return v && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) && v.length <= 64 ? v : undefined;
}
