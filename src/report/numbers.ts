/** 1234.5 → "1,234.5"; at most two decimals, grouped thousands (en-US, like the rest of the reports). */
export function fmtNumber(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: Math.abs(x) >= 100 ? 0 : 2 });
}

/** 123456 → "$123,456". */
export function usd(x: number): string {
  return `$${Math.round(x).toLocaleString('en-US')}`;
}
