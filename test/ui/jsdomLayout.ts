// jsdom has no layout: `bind:clientWidth` needs a ResizeObserver, which never fires here, so
// charts keep their fixed or default width and component tests stay deterministic.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
