import type { Finding } from '../models/finding';

/** A model section's findings as indented lines: `  error ETCD-FSYNC cp-01: … (why)`. */
export function findingLines(title: string, findings: readonly Finding[]): string[] {
  if (findings.length === 0) return [];
  return ['', `${title}:`, ...findings.map((f) => `  ${f.severity} ${f.ruleId} ${f.message}: ${f.why}`)];
}
