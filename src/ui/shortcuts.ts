import { rackOrder } from '../editor/drop';
import type { AppState } from '../state/appState.svelte';

/** Every keyboard shortcut, as the `?` overlay lists them. */
export const SHORTCUTS: { group: string; keys: string; action: string }[] = [
  { group: 'Select', keys: '↑ ↓', action: 'Select the node above / below in the rack' },
  { group: 'Select', keys: '← →', action: 'Select the nearest node in the previous / next rack' },
  { group: 'Select', keys: ', .', action: 'Make the previous / next rack current' },
  { group: 'Select', keys: 'Ctrl+A', action: 'Select every node in the current rack' },
  { group: 'Select', keys: 'Shift+click, drag on empty space', action: 'Add to the selection, box-select' },
  { group: 'Select', keys: 'Esc', action: 'Clear the selection, cancel a drag, close this list' },
  { group: 'Edit', keys: 'Shift+↑ Shift+↓', action: 'Move the selection up / down one U' },
  { group: 'Edit', keys: 'Shift+← Shift+→', action: 'Move the selection to the previous / next rack' },
  { group: 'Edit', keys: '[ ]', action: 'Choose the previous / next hardware profile in the palette' },
  { group: 'Edit', keys: 'N', action: "Place the chosen profile in the current rack's lowest free U" },
  { group: 'Edit', keys: 'Ctrl+D', action: 'Duplicate the selection' },
  { group: 'Edit', keys: 'Delete, Backspace', action: 'Delete the selection' },
  { group: 'Edit', keys: 'C W S', action: 'Make the selection control plane / worker / storage' },
  { group: 'Edit', keys: 'Ctrl+Z, Ctrl+Y (Ctrl+Shift+Z)', action: 'Undo, redo' },
  { group: 'Drills', keys: 'F', action: 'Fail mode: a click in the rack view fails or restores a node, rack, ToR switch or power feed' },
  { group: 'View', keys: '+ − 0', action: 'Zoom in, zoom out, fit all racks' },
  { group: 'View', keys: 'Wheel, Shift+wheel, Space+drag', action: 'Pan; Ctrl+wheel zooms' },
  { group: 'View', keys: '?', action: 'Show this list' },
];

/**
 * Runs the shortcut for a key press, if any; returns whether it handled it. Keys typed into a
 * form field are left alone, except Escape.
 */
export function handleShortcut(e: KeyboardEvent, app: AppState): boolean {
  const target = e.target as HTMLElement | null;
  const typing = !!target?.closest?.('input, textarea, select, [contenteditable]');
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key;
  const { editor, session, doc } = app;
  if (key === 'Escape') {
    if (session.showShortcuts) session.showShortcuts = false;
    else if (session.drag) session.drag = null;
    else if (!typing) session.selectOnly(null);
    else return false;
    return true;
  }
  if (typing || e.altKey) return false;
  const lower = key.toLowerCase();
  if (mod) {
    if (lower === 'z' && !e.shiftKey) doc.undo();
    else if (lower === 'y' || (lower === 'z' && e.shiftKey)) doc.redo();
    else if (lower === 'd') editor.duplicateSelection();
    else if (lower === 'a') editor.selectAllInRack();
    else return false;
    return true;
  }
  // Arrow keys on a button or the page scroll it; everywhere else in the app they edit.
  const arrows: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
  if (key in arrows) {
    const dir = arrows[key];
    if (e.shiftKey) {
      if (dir === 'up' || dir === 'down') editor.moveSelectionBy(dir === 'up' ? 1 : -1);
      else editor.moveSelectionToAdjacentRack(dir === 'left' ? -1 : 1);
    } else editor.selectNeighbour(dir);
    return true;
  }
  switch (key) {
    case 'Delete':
    case 'Backspace':
      editor.deleteSelection();
      return true;
    case '?':
      session.showShortcuts = !session.showShortcuts;
      return true;
    case '+':
    case '=':
      session.zoomAt(1.25);
      return true;
    case '-':
      session.zoomAt(0.8);
      return true;
    case '0':
      session.fitAll();
      return true;
    case ',':
    case '.': {
      const plan = doc.plan;
      if (!plan) return true;
      const order = rackOrder(plan);
      const i = order.findIndex((r) => r.id === session.currentRackId);
      const next = order[Math.min(order.length - 1, Math.max(0, i + (key === ',' ? -1 : 1)))];
      if (next) session.currentRackId = next.id;
      return true;
    }
    case '[':
    case ']': {
      const hw = doc.plan?.hardware ?? [];
      const i = hw.findIndex((h) => h.id === session.paletteHardwareId);
      const next = hw[(i + (key === '[' ? -1 : 1) + hw.length) % hw.length];
      if (next) session.paletteHardwareId = next.id;
      return true;
    }
  }
  if (e.shiftKey) return false;
  if (lower === 'n') editor.placeInCurrentRack();
  else if (lower === 'f') app.drills.failMode = !app.drills.failMode;
  else if (lower === 'c') editor.setRoleOfSelection('controlplane');
  else if (lower === 'w') editor.setRoleOfSelection('worker');
  else if (lower === 's') editor.setRoleOfSelection('storage');
  else return false;
  return true;
}
