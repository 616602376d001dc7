import type { NodeMove } from '../editor/actions/nodes';
import type { Finding, FindingSubjects, Severity } from '../models/finding';

/** The view of the elevation: a world point p is drawn at `p * k + (x, y)` on screen. */
export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

/** Where a drag would drop, and why it cannot if it cannot. */
export interface DropTarget {
  rackId: string;
  positionU: number;
  moves: NodeMove[];
  problem: string | null;
}

/** A pointer gesture in progress on the elevation, in world coordinates. */
export type DragState =
  | { kind: 'nodes'; ids: string[]; anchorId: string; grabU: number; target: DropTarget | null }
  | { kind: 'place'; hardwareId: string; screenX: number; screenY: number; target: DropTarget | null }
  | { kind: 'box'; x0: number; y0: number; x1: number; y1: number; additive: boolean };

export type InspectorTab = 'selection' | 'rack' | 'hardware' | 'network' | 'layout' | 'cluster' | 'workload' | 'reliability' | 'assumptions';

/** `system` follows prefers-color-scheme; the others override it for this browser session. */
export type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'rackplan.theme';

function storedTheme(): ThemeChoice {
  try {
    const t = globalThis.sessionStorage?.getItem(THEME_KEY);
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    // Storage can be blocked (privacy settings); the system theme is then the only choice.
    return 'system';
  }
}

/**
 * What the rack view emphasises: the nodes and racks a finding concerns. Set by selecting a
 * finding (the Findings tab) or by hovering one (the headline strip may reuse it); the rack view
 * draws it and dims everything else.
 */
export interface Highlight {
  nodes: ReadonlySet<string>;
  racks: ReadonlySet<string>;
  /** Why these are highlighted, for the rack view's caption ("RA-CP-RACKS: …"). */
  label: string;
}

/** A stable key for a finding within one report (rule and message identify it). */
export const findingKey = (f: Pick<Finding, 'ruleId' | 'message'>): string => `${f.ruleId}\u0000${f.message}`;

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;

/**
 * What the user is looking at, not what the plan is: selection, zoom, the gesture in progress,
 * the open tabs. Not saved with the plan and not undone.
 */
export class Session {
  selectedNodeIds = $state.raw<ReadonlySet<string>>(new Set());
  /** The rack keyboard placement and the rack inspector work on. */
  currentRackId = $state<string | null>(null);
  /** The hardware profile the palette has chosen (keyboard placement, hardware inspector). */
  paletteHardwareId = $state<string | null>(null);
  activePanel = $state('capacity');
  inspectorTab = $state<InspectorTab>('selection');
  view = $state.raw<ViewTransform>({ x: 24, y: 16, k: 1 });
  viewportSize = $state.raw({ width: 800, height: 600 });
  worldSize = $state.raw({ width: 300, height: 200 });
  drag = $state.raw<DragState | null>(null);
  showShortcuts = $state(false);
  theme = $state<ThemeChoice>(storedTheme());

  /** Steps system → light → dark → system and keeps the choice for this browser session. */
  cycleTheme(): void {
    this.theme = this.theme === 'system' ? 'light' : this.theme === 'light' ? 'dark' : 'system';
    try {
      globalThis.sessionStorage?.setItem(THEME_KEY, this.theme);
    } catch {
      // Not kept across reloads when storage is blocked; the toggle still works for this page.
    }
  }

  /** The finding selected in the Findings tab (by `findingKey`), or null. */
  selectedFindingKey = $state<string | null>(null);
  /** The selected finding's highlight (kept until another is selected or it is cleared). */
  highlight = $state.raw<Highlight | null>(null);
  /** What the pointer (or keyboard focus) is over: a finding or a headline figure; wins over the selection while it lasts. */
  hoverHighlight = $state.raw<Highlight | null>(null);
  /** The rack selected in the rack view whose findings the Findings tab lists, or null for all. */
  findingsRackId = $state<string | null>(null);

  /** What the rack view draws: the hovered subject while there is one, else the selected finding's. */
  get shownHighlight(): Highlight | null {
    return this.hoverHighlight ?? this.highlight;
  }

  /** Highlights what a hovered finding or figure concerns (null when it names nothing, or the pointer left). */
  hover(subjects: FindingSubjects | undefined | null, label: string): void {
    this.hoverHighlight = subjects ? highlightOf(subjects, label) : null;
  }
  /** Severities the Findings tab shows, and its text filter. */
  findingSeverities = $state.raw<ReadonlySet<Severity | 'problem'>>(new Set(['problem', 'error', 'warning', 'info']));
  findingFilter = $state('');

  /** Selects a finding (or clears with null) and highlights what it concerns. */
  selectFinding(finding: Pick<Finding, 'ruleId' | 'message' | 'subjects'> | null): void {
    if (!finding || this.selectedFindingKey === findingKey(finding)) {
      this.selectedFindingKey = null;
      this.highlight = null;
      return;
    }
    this.selectedFindingKey = findingKey(finding);
    this.highlight = highlightOf(finding.subjects, `${finding.ruleId}: ${finding.message}`);
  }

  /** Forgets what belonged to the previous plan (selection, current rack, a gesture) when another opens. */
  resetForNewPlan(): void {
    this.selectedNodeIds = new Set();
    this.currentRackId = null;
    this.findingsRackId = null;
    this.hoverHighlight = null;
    this.drag = null;
  }

  selectOnly(id: string | null): void {
    this.selectedNodeIds = new Set(id ? [id] : []);
    if (id) this.inspectorTab = 'selection';
  }

  select(ids: Iterable<string>, additive = false): void {
    const next = new Set(additive ? this.selectedNodeIds : []);
    for (const id of ids) next.add(id);
    this.selectedNodeIds = next;
    this.inspectorTab = 'selection';
  }

  toggle(id: string): void {
    const next = new Set(this.selectedNodeIds);
    if (!next.delete(id)) next.add(id);
    this.selectedNodeIds = next;
    this.inspectorTab = 'selection';
  }

  /** Zooms by `factor` keeping the screen point (cx, cy) fixed; defaults to the viewport centre. */
  zoomAt(factor: number, cx = this.viewportSize.width / 2, cy = this.viewportSize.height / 2): void {
    const { x, y, k } = this.view;
    const k2 = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k * factor));
    this.view = { k: k2, x: cx - ((cx - x) / k) * k2, y: cy - ((cy - y) / k) * k2 };
  }

  panBy(dx: number, dy: number): void {
    this.view = { ...this.view, x: this.view.x + dx, y: this.view.y + dy };
  }

  /** Centres the world point (wx, wy) in the viewport. */
  centreOn(wx: number, wy: number): void {
    const { k } = this.view;
    this.view = { k, x: this.viewportSize.width / 2 - wx * k, y: this.viewportSize.height / 2 - wy * k };
  }

  /** Fits every rack in the viewport. */
  fitAll(): void {
    const { width, height } = this.viewportSize;
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.min((width - 32) / this.worldSize.width, (height - 32) / this.worldSize.height, 1)));
    this.view = { k, x: (width - this.worldSize.width * k) / 2, y: 16 };
  }
}

/** The highlight for a finding's subjects (null when it names no node or rack). */
export function highlightOf(subjects: FindingSubjects | undefined, label: string): Highlight | null {
  const nodes = new Set(subjects?.nodes ?? []);
  const racks = new Set(subjects?.racks ?? []);
  return nodes.size + racks.size > 0 ? { nodes, racks, label } : null;
}
