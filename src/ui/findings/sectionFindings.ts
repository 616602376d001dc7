import type { Finding } from '../../models/finding';

/** Which rule ids each results panel lists under its own figures (the Findings tab lists them all). */
const SECTION_PREFIXES: Record<string, readonly string[]> = {
  capacity: ['POWER-', 'RA-UPS', 'RA-WORKERS', 'WORKLOAD-'],
  network: ['NET-', 'RA-CNI', 'RA-KUBESPAN', 'KUBESPAN-'],
  'control-plane': ['RA-CP-', 'CP-', 'ETCD-', 'API-', 'RA-KUBEPRISM', 'RA-ETCD-BACKUP'],
  storage: ['STORAGE-', 'RA-STORAGE-'],
};

/** The findings that belong to one panel, in the report's order (most severe first). */
export function sectionFindings(findings: readonly Finding[], section: string): Finding[] {
  const prefixes = SECTION_PREFIXES[section] ?? [];
  return findings.filter((f) => prefixes.some((p) => f.ruleId.startsWith(p)));
}
