import { int, sig } from '../format/units';

/** Figures in the report read like everywhere else: three significant figures, whole from 100 up (`src/format/units.ts`). */
export const fmtNumber = sig;

/** 123456 → "$123,456" (the catalogue's prices are whole US dollars). */
export function usd(x: number): string {
  return `$${int(x)}`;
}
