import { batchSize, upgradeStrategyOf } from '../../models/drills/upgradeStrategy';
import type { Plan } from '../../plan';
import { placementOf, PLACEMENT_ANNOTATION, writePlacement } from './placement';
import { machineSetGroups, setLabels, splitSelfSettable, type MachineSetGroup } from './machineSets';
import { clusterPatches, DASHBOARD_DISABLED_ARG, firewallPatch, nodeMetadataPatch, storageNeeds, type TalosPatch } from './talosPatches';
import { availableTalosSchemas, talosFormat, type TalosFormat } from './talosFormat';
import type { ClusterDocument, MachineDocument, MachineSetDocument, StrategyConfig, TemplateDocument, TemplatePatch } from './templateModel';
import { writeTemplate } from './writeTemplate';

/** Cluster labels that carry plan facts Omni has no field for, so an import can read them back. */
export const CLUSTER_LABELS = { cni: 'rackplan.io/cni', storage: 'rackplan.io/storage' } as const;

export interface OmniExport {
  /** The template, one multi-document YAML file for `omnictl cluster template sync -f`. */
  template: string;
  documents: TemplateDocument[];
  /** Every Talos patch in the template, with the document that carries it, for schema checks. */
  patches: { document: string; patch: TalosPatch }[];
  format: TalosFormat;
  /** Machine classes the template names: the user creates them in Omni (by rack and hardware). */
  machineClasses: { name: string; size: number; role: string; hardwareId: string }[];
  /** What the template could not say, in sentences. */
  notes: string[];
}

/**
 * Builds an Omni cluster template from a plan (https://omni.siderolabs.com/reference/cluster-templates):
 * a Cluster (name, Kubernetes and Talos versions with a leading v, Omni features, cluster-wide
 * patches), one ControlPlane and one Workers set per role, hardware and rack (see
 * `machineSetGroups`); machines by UUID when every node of a set has one, else a machine class
 * of that size. Patches follow the plan: CNI, KubePrism, KubeSpan, firewall per role, node labels
 * and taints, storage needs; extensions for storage and microcode; update strategies. Pure.
 */
export function omniTemplate(plan: Plan): OmniExport {
  const format = talosFormat(plan.cluster.talosVersion);
  const notes: string[] = [];
  const patches: OmniExport['patches'] = [];
  const groups = machineSetGroups(plan);
  const byUuid = groups.every((g) => g.nodes.every((n) => n.machineUuid));
  const cluster: ClusterDocument = {
    kind: 'Cluster',
    name: plan.cluster.name,
    labels: { [CLUSTER_LABELS.cni]: `${plan.cluster.cni.name}-${plan.cluster.cni.mode}`, [CLUSTER_LABELS.storage]: plan.cluster.storage.provider },
    kubernetes: { version: `v${plan.cluster.kubernetesVersion}` },
    talos: { version: `v${plan.cluster.talosVersion}` },
  };
  const omni = plan.cluster.omni;
  if (omni && (omni.diskEncryption || omni.workloadProxy || omni.etcdBackupIntervalS)) {
    cluster.features = {
      ...(omni.diskEncryption ? { diskEncryption: true } : {}),
      ...(omni.workloadProxy ? { enableWorkloadProxy: true } : {}),
      ...(omni.etcdBackupIntervalS ? { backupConfiguration: { intervalSeconds: omni.etcdBackupIntervalS } } : {}),
    };
  }
  const clusterWide = clusterPatches(plan, format);
  // Omni refuses kernel arguments at cluster level once any set takes machines from a class, so
  // then the argument goes in through the install configuration instead.
  if (byUuid) cluster.kernelArgs = [DASHBOARD_DISABLED_ARG];
  else if (format.installKernelArgs) {
    clusterWide.push({ name: 'rackplan-kernel-args', documents: [{ machine: { install: { extraKernelArgs: [DASHBOARD_DISABLED_ARG] } } }] });
    notes.push(
      `The kernel argument ${DASHBOARD_DISABLED_ARG} goes in through machine.install.extraKernelArgs because sets that take machines from a class cannot have Omni kernelArgs; machines booting with UKI ignore it.`,
    );
  } else {
    notes.push(
      `The kernel argument ${DASHBOARD_DISABLED_ARG} is not in the template: sets that take machines from a class cannot have Omni kernelArgs and Talos ${format.minor} has no install kernel arguments; add it to the machines' installation media, or give the nodes machine UUIDs.`,
    );
  }
  cluster.patches = clusterWide.map((p) => track(patches, 'Cluster', p));

  const documents: TemplateDocument[] = [cluster];
  const machines: MachineDocument[] = [];
  const machineClasses: OmniExport['machineClasses'] = [];
  const restrictedNotes = new Map<string, number>();
  for (const g of groups) {
    const set = machineSetDocument(plan, g, byUuid, patches, restrictedNotes);
    documents.push(set);
    if (!byUuid) machineClasses.push({ name: set.machineClass!.name!, size: g.nodes.length, role: g.role, hardwareId: g.hardwareId });
    if (g.kind === 'ControlPlane') {
      const unplaced: string[] = [];
      for (const node of g.nodes) {
        const extra = g.nodeLabels.get(node.id) ?? {};
        if (Object.keys(extra).length === 0) continue;
        if (byUuid) {
          const patch = nodeMetadataPatch(`rackplan-labels-${node.name}`, 'controlplane', extra, [])!;
          machines.push({ kind: 'Machine', name: node.machineUuid, patches: [track(patches, `Machine "${node.machineUuid}"`, patch)] });
        } else
          unplaced.push(
            `${node.name} (${Object.entries(extra)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')})`,
          );
      }
      if (unplaced.length > 0) {
        notes.push(
          `Control-plane labels that differ per node are not in the template, because a per-node patch needs a Machine document and so the machine UUID: ${unplaced.join('; ')}.`,
        );
      }
    }
  }
  documents.push(...machines);
  for (const [label, count] of restrictedNotes) {
    notes.push(
      `Label ${label} on ${count} worker node${count === 1 ? '' : 's'} is not in the template: Kubernetes' NodeRestriction lets only an administrator set node-role labels, so label them once they join (kubectl label node <name> ${label}).`,
    );
  }
  const storageSets = groups.filter((g) => g.role === 'storage').length;
  const s = plan.cluster.storage;
  const replicas =
    s.provider === 'longhorn' || s.provider === 'mayastor' ? s.replicas : s.provider === 'ceph' && s.pool.type === 'replicated' ? s.pool.size : undefined;
  if (replicas !== undefined && storageSets > replicas - 1 && storageSets > 1) {
    notes.push(
      `Omni rolls each machine set on its own: ${storageSets} storage sets may each update one node at once, more than the ${replicas - 1} that ${replicas} replicas tolerate; update them one set at a time.`,
    );
  }
  if (!format.schemaVersion) {
    notes.push(
      `Talos ${format.minor} has no configuration schema here (we have ${availableTalosSchemas()}), so its patches are not checked; the document format assumed is Talos ${format.kubeSpanDocument ? '1.13 and later' : 'before 1.13'}.`,
    );
  }
  return { template: writeTemplate(documents), documents, patches, format, machineClasses, notes };
}

function machineSetDocument(
  plan: Plan,
  g: MachineSetGroup,
  byUuid: boolean,
  patches: OmniExport['patches'],
  restrictedNotes: Map<string, number>,
): MachineSetDocument {
  const label = g.kind === 'ControlPlane' ? 'ControlPlane' : `Workers "${g.name}"`;
  const setName = g.name ?? 'controlplane';
  const doc: MachineSetDocument = {
    kind: g.kind,
    ...(g.name ? { name: g.name } : {}),
    labels: setLabels(g),
    annotations: { [PLACEMENT_ANNOTATION]: writePlacement(g.nodes.map((n) => placementOf(plan, n))) },
  };
  if (byUuid) doc.machines = g.nodes.map((n) => n.machineUuid!);
  else doc.machineClass = { name: `${plan.cluster.name}-${setName}`.toLowerCase(), size: g.nodes.length };
  Object.assign(doc, strategies(plan, g));
  const extensions = new Set<string>();
  const setPatches: TalosPatch[] = [];
  const { settable, restricted } = splitSelfSettable(g.role, g.labels);
  for (const k of Object.keys(restricted)) {
    const key = `${k}${restricted[k] ? `=${restricted[k]}` : '='}`;
    restrictedNotes.set(key, (restrictedNotes.get(key) ?? 0) + g.nodes.length);
  }
  const meta = nodeMetadataPatch(`rackplan-labels-${setName}`, g.role, settable, g.taints);
  if (meta) setPatches.push(meta);
  setPatches.push(firewallPatch(plan, g.role === 'controlplane' ? 'controlplane' : 'worker'));
  const runsWorkloads = g.role === 'worker' || (g.role === 'controlplane' && plan.cluster.allowSchedulingOnControlPlanes);
  const needs = storageNeeds(plan, setName, g.role === 'storage', runsWorkloads);
  needs.systemExtensions.forEach((e) => extensions.add(e));
  if (needs.patch) setPatches.push(needs.patch);
  const vendor = microcodeVendor(plan, g);
  if (vendor) extensions.add(`siderolabs/${vendor}-ucode`);
  if (extensions.size > 0) doc.systemExtensions = [...extensions].sort();
  doc.patches = setPatches.map((p) => track(patches, label, p));
  return doc;
}

/**
 * The microcode extension the set's hardware needs: its CPU maker's, on bare metal only (a cloud
 * VM's hypervisor loads microcode for it). Undefined when the hardware names no maker.
 */
function microcodeVendor(plan: Plan, g: MachineSetGroup): 'intel' | 'amd' | undefined {
  const hw = plan.hardware.find((h) => h.id === g.hardwareId);
  const sites = new Set(g.nodes.map((n) => siteKindOf(plan, n.rackId)));
  if (sites.has('cloud')) return undefined;
  return hw?.cpuVendor;
}

function siteKindOf(plan: Plan, rackId: string): string | undefined {
  const rack = plan.racks.find((r) => r.id === rackId);
  const row = rack && plan.rows.find((r) => r.id === rack.rowId);
  const room = row && plan.rooms.find((r) => r.id === row.roomId);
  return plan.sites.find((s) => s.id === room?.siteId)?.kind;
}

/**
 * Update strategies from the plan's `cluster.upgradeStrategy` (defaults: control planes one at a
 * time, so etcd never loses more than one member; storage one at a time, so replicas resync in
 * between, also for deletes; workers a quarter of the set). Omni applies `maxParallelism` per
 * machine set, so a percentage is taken of this set's machines.
 */
function strategies(plan: Plan, g: MachineSetGroup): Partial<MachineSetDocument> {
  const rolling = (n: number): StrategyConfig => ({ type: 'Rolling', rolling: { maxParallelism: n } });
  const p = upgradeStrategyOf(plan).maxParallelism;
  if (g.kind === 'ControlPlane') return { upgradeStrategy: rolling(batchSize(g.nodes.length, p.controlplane)) };
  if (g.role === 'storage') {
    const n = batchSize(g.nodes.length, p.storage);
    return { updateStrategy: rolling(n), deleteStrategy: rolling(n), upgradeStrategy: rolling(n) };
  }
  const n = batchSize(g.nodes.length, p.worker);
  return { updateStrategy: rolling(n), upgradeStrategy: rolling(n) };
}

function track(list: OmniExport['patches'], document: string, patch: TalosPatch): TemplatePatch {
  list.push({ document, patch });
  return { name: patch.name, inline: { documents: patch.documents } };
}
