/**
 * A planner's label for a settings key, with its unit kept visible: `heartbeatMs` → "Heartbeat (ms)",
 * `cryptoGBpsPerCore` → "Crypto (GB/s per core)", `apiWritesPerS` → "API writes (per s)".
 */
const TOKEN = /GBps|MBps|Gbps|GiB|GB|[Pp]\d+(?!\d)|[A-Z]\d|[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g;

/** Unit tokens and how they read; a unit opens the parenthesised tail (never the first word). */
const UNITS: Record<string, string> = {
  Ms: 'ms',
  S: 's',
  Us: 'µs',
  Min: 'min',
  Bytes: 'bytes',
  GB: 'GB',
  GiB: 'GiB',
  Pct: '%',
  Hours: 'hours',
  MBps: 'MB/s',
  Gbps: 'Gbit/s',
  GBps: 'GB/s',
};

/** Words that keep their own spelling. */
const WORDS: Record<string, string> = {
  api: 'API',
  cpu: 'CPU',
  ttl: 'TTL',
  tcp: 'TCP',
  osd: 'OSD',
  pgs: 'PGs',
  ip: 'IP',
  rtt: 'RTT',
  cni: 'CNI',
  talos: 'Talos',
  kubernetes: 'Kubernetes',
  kubespan: 'KubeSpan',
  kubeprism: 'KubePrism',
  longhorn: 'Longhorn',
  ceph: 'Ceph',
  mayastor: 'Mayastor',
  mclock: 'mClock',
  etcd: 'etcd',
  tor: 'ToR',
  v2: 'v2',
  wal: 'WAL',
};

/** Whole keys whose words alone would not say enough. */
const KEYS: Record<string, string> = {
  k: 'Data chunks (k)',
  m: 'Coding chunks (m)',
  tor: 'Top-of-rack switch',
  etcdProfile: 'Direct etcd load profile',
  controlPlane: 'Control plane',
  storage: 'Storage',
  cni: 'CNI',
  kubespan: 'KubeSpan',
  kubeprism: 'KubePrism',
  allowSchedulingOnControlPlanes: 'Workloads on control planes',
  avgObjectBytes: 'Average object (bytes)',
  configMapsAndSecrets: 'ConfigMaps and Secrets',
  eastWestGbpsPerNode: 'East-west (Gbit/s per node)',
  diskBandwidthMBps: 'Disk bandwidth (MB/s)',
  mclockRecoveryShare: 'mClock recovery share',
};

// Percentiles read as written in the etcd and Kubernetes docs: p50, p99.
const word = (t: string) => WORDS[t.toLowerCase()] ?? (/^[Pp]\d+$/.test(t) ? `p${t.slice(1)}` : t.toLowerCase());

export function settingLabel(key: string | number): string {
  if (typeof key === 'number') return `#${key + 1}`;
  if (Object.hasOwn(KEYS, key)) return KEYS[key];
  if (!/^[A-Za-z0-9]+$/.test(key)) return key;
  const tokens = key.match(TOKEN) ?? [key];
  // The unit starts at the first unit token after the first word, or at a "Per" just before one.
  let unitAt = tokens.findIndex((t, i) => i > 0 && Object.hasOwn(UNITS, t));
  if (unitAt > 1 && tokens[unitAt - 1] === 'Per') unitAt -= 1;
  const head = unitAt === -1 ? tokens : tokens.slice(0, unitAt);
  const tail = unitAt === -1 ? [] : tokens.slice(unitAt).map((t) => UNITS[t] ?? word(t));
  const words = head.map(word).join(' ');
  const label = Object.hasOwn(WORDS, tokens[0].toLowerCase()) || /^[Pp]\d/.test(tokens[0]) ? words : words.charAt(0).toUpperCase() + words.slice(1);
  return tail.length ? `${label} (${tail.join(' ')})` : label;
}
