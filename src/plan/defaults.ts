/**
 * Default numbers of the plan format. Each names its source; every one is editable in the plan.
 * The fuller notes live in `src/models/README.md`.
 */
export const DEFAULTS = {
  limits: {
    /** Kubernetes supports 5,000 nodes (kubernetes.io "Considerations for large clusters"); twice that leaves room for what-ifs. */
    maxNodes: 10_000,
    /** A 5,000-node plan is about 2.5 MB of JSON; 20 MiB keeps imports bounded without refusing real plans. */
    maxFileBytes: 20 * 1024 * 1024,
  },
  rtt: {
    /** etcd docs: in-DC RTT "may be as long as several hundred microseconds"; one switch hop is far less. */
    sameRackMs: 0.05,
    sameRowMs: 0.1,
    crossRowMs: 0.2,
    crossRoomMs: 0.5,
    /** Metro-distance DC pair; etcd docs give ~50-130 ms across the continental US. */
    crossSiteMs: 10,
  },
  network: {
    /** Cut-through data-center switch latency is ~0.5-1 µs per hop (vendor data sheets). */
    switchHopUs: 1,
    rowUplinkGbps: 400,
    roomUplinkGbps: 800,
    siteUplinkGbps: 10,
  },
  tor: {
    /** A common 48 x 25 GbE leaf with 8 x 100 GbE uplinks: 1200/800 = 1.5:1 oversubscription. */
    ports: 48,
    portGbps: 25,
    uplinkGbps: 800,
    /** 48 x 25 GbE leaf data sheets list roughly 250-450 W typical with optics; the middle. */
    powerW: 350,
  },
  kubespan: {
    /** ChaCha20-Poly1305 runs at ~1.5-2.9 GB/s per core (src/models/README.md, Sources: WireGuard cost); low end. */
    cryptoGBpsPerCore: 1.5,
    /** One core's softirq handles roughly 180 k packets/s (src/models/README.md, Sources: WireGuard cost). */
    packetsPerSecondPerCore: 180_000,
  },
  cluster: {
    talosVersion: '1.12.0',
    kubernetesVersion: '1.34.1',
  },
  kubelet: {
    /** kubelet `maxPods` default (kubernetes.io kubelet configuration reference, KubeletConfiguration.maxPods). */
    maxPods: 110,
    /** Talos sets kubelet systemReserved cpu 50m (siderolabs/talos pkg/machinery/constants KubeletSystemReservedCPU). */
    systemReservedCpuMillicores: 50,
    /** Talos systemReserved memory: 512 MiB on control planes, 384 MiB on workers (KubeletSystemReservedMemoryControlPlane / …Worker). */
    systemReservedMemoryMiBControlPlane: 512,
    systemReservedMemoryMiBWorker: 384,
    /** Talos sets no kubeReserved; the kubelet's default is none (kubernetes.io "Reserve Compute Resources for System Daemons"). */
    kubeReservedCpuMillicores: 0,
    kubeReservedMemoryMiB: 0,
    /** kubelet evictionHard default memory.available<100Mi (kubernetes.io "Node-pressure Eviction"). */
    evictionHardMemoryMiB: 100,
  },
  nodeLifecycle: {
    /** kube-controller-manager default toleration seconds for not-ready and unreachable taints (DefaultTolerationSeconds admission plugin): 300 s. */
    notReadyTolerationS: 300,
    unreachableTolerationS: 300,
  },
  upgradeStrategy: {
    /** Omni upgrades control planes one machine at a time, so etcd never loses two members at once (omni.siderolabs.com "Cluster Templates", ControlPlane). */
    controlplaneMaxParallelism: 1,
    /** A quarter of the workers at once: Kubernetes' default rolling-update maxUnavailable of 25 % (kubernetes.io "Deployments", Max Unavailable), the same share the Omni export writes. */
    workerMaxParallelism: '25%',
    /** Storage nodes one at a time, so at most one replica of a volume is away while it resyncs. */
    storageMaxParallelism: 1,
    /**
     * Seconds one node is out during a Talos upgrade: drain (pods' 30 s default termination grace),
     * installer image pull and install, reboot, kubelet Ready and storage resync. A planning
     * estimate (Talos documents no figure); replace it with a measured upgrade of your hardware.
     */
    nodeUpgradeS: 300,
  },
  workload: {
    /**
     * Mean CPU and memory a pod requests. Kubernetes has no default request (a LimitRange may set one);
     * these are planning assumptions a user should replace with their own totals.
     */
    podCpuMillicores: 250,
    podMemoryMiB: 512,
    /** Real pods are often 10-20 KB, most objects < 20 KB (SIG scalability FAQ); a mixed average. */
    avgObjectBytes: 8_000,
  },
} as const;
