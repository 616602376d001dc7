import type { Component } from 'svelte';
import type { Plan } from '../../plan/schema';
import type { Report } from '../../models/report';
import type { AppState } from '../../state/appState.svelte';
import CapacityPanel from './CapacityPanel.svelte';
import NetworkPanel from './NetworkPanel.svelte';
import ControlPlanePanel from './ControlPlanePanel.svelte';
import StoragePanel from './StoragePanel.svelte';
import ReliabilityPanel from './ReliabilityPanel.svelte';

/** Props every results panel receives: the current (valid) plan and the report the worker computed for it. */
export interface PanelProps {
  plan: Plan;
  report: Report;
  /** The application, for panels that run their own jobs (the reliability simulation). */
  app?: AppState;
}

export interface PanelSpec {
  id: string;
  title: string;
  component: Component<PanelProps>;
}

/** The results panels, in tab order. Model families add theirs here. */
export const PANELS: PanelSpec[] = [
  { id: 'capacity', title: 'Capacity', component: CapacityPanel },
  { id: 'network', title: 'Network', component: NetworkPanel },
  { id: 'control-plane', title: 'Control plane', component: ControlPlanePanel },
  { id: 'storage', title: 'Storage', component: StoragePanel },
  { id: 'reliability', title: 'Reliability', component: ReliabilityPanel },
];
