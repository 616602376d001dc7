/**
 * What the user is looking at, not what the plan is: selection, the open results tab. Not saved
 * with the plan and not undone.
 */
export class Session {
  selectedNodeIds = $state.raw<ReadonlySet<string>>(new Set());
  activePanel = $state('capacity');

  selectOnly(id: string | null): void {
    this.selectedNodeIds = new Set(id ? [id] : []);
  }
}
