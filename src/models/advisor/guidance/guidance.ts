import { raSource, type GuidanceRule } from '../rule';

const notInPlan = (what: string) => ({ answer: `${what}: not specified in the plan`, answered: false });

/**
 * The reference architecture's guidance that no plan field can break: each item states the
 * recommendation and the plan's answer, which today is "not specified" unless the plan's own
 * settings say something about it.
 */
export const GUIDANCE: readonly GuidanceRule[] = [
  {
    id: 'RA-CP-MONITOR',
    topic: 'Alert on any control-plane failure',
    source: raSource('RA-CP-MONITOR', 'a three-node control plane survives one failure only, so alert on any control-plane failure.'),
    answer: ({ report }) => {
      const q = report.controlPlane.quorum;
      return { answer: `${q.members} control planes tolerate ${q.toleratedFailures} failure(s): alerting is not specified in the plan`, answered: false };
    },
  },
  {
    id: 'RA-LB',
    topic: 'Service load balancer',
    source: raSource('RA-LB', 'expose Services with MetalLB, KubeVIP or Cilium (L2 announcements or BGP).'),
    answer: ({ plan }) =>
      plan.cluster.cni.name === 'cilium'
        ? { answer: 'load balancer: not specified in the plan (Cilium can announce Services over L2 or BGP)', answered: false }
        : notInPlan('load balancer (MetalLB, KubeVIP)'),
  },
  {
    id: 'RA-MONITORING',
    topic: 'Metrics, logs and Talos system logs',
    source: raSource('RA-MONITORING', 'VictoriaMetrics and Grafana for metrics, VictoriaLogs or Loki for logs, and Talos system logs sent to a log server.'),
    answer: () => notInPlan('monitoring stack'),
  },
  {
    id: 'RA-OIDC',
    topic: 'External authentication for the Kubernetes API',
    source: raSource('RA-OIDC', 'authenticate Kubernetes API users with an external OIDC or OAuth provider.'),
    answer: () => notInPlan('identity provider'),
  },
  {
    id: 'RA-PSS',
    topic: 'Pod Security Standards',
    source: raSource('RA-PSS', 'enforce the PodSecurity baseline by default and keep privileged workloads in their own namespace.'),
    answer: () => notInPlan('Pod Security admission level'),
  },
  {
    id: 'RA-GITOPS',
    topic: 'GitOps for applications',
    source: raSource('RA-GITOPS', 'deploy applications with ArgoCD, installed from the Omni cluster template.'),
    answer: () => notInPlan('GitOps tool'),
  },
  {
    id: 'RA-TENANCY',
    topic: 'Multi-tenancy',
    source: raSource(
      'RA-TENANCY',
      'separate tenants with Omni accounts, ArgoCD projects, RuntimeClasses (gVisor, Kata) or virtual clusters through the KubeVirt provider.',
    ),
    answer: () => notInPlan('tenancy model'),
  },
  {
    id: 'RA-MULTICLUSTER',
    topic: 'Multi-cluster',
    source: raSource('RA-MULTICLUSTER', 'connect clusters with Istio multi-cluster or Cilium ClusterMesh and deploy across them with ArgoCD.'),
    answer: ({ plan }) => ({ answer: `one cluster (${plan.cluster.name}) in this plan: multi-cluster connectivity not specified`, answered: false }),
  },
];
