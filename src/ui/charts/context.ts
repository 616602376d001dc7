import { getContext, setContext } from 'svelte';
import type { AnyScale } from './scales';

/** What a ChartFrame gives its marks. Getters, so marks follow resizes reactively. */
export interface ChartContext {
  readonly x: AnyScale;
  readonly y: AnyScale;
  readonly width: number;
  readonly height: number;
}

const KEY = Symbol('chart');

export function setChart(ctx: ChartContext): void {
  setContext(KEY, ctx);
}

export function getChart(): ChartContext {
  const ctx = getContext<ChartContext | undefined>(KEY);
  if (!ctx) throw new Error('chart marks must be placed inside a ChartFrame');
  return ctx;
}
