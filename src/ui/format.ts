/** Display helpers: every figure the UI shows carries its unit. */
export const kW = (w: number): string => `${(w / 1000).toFixed(w < 10_000 ? 2 : 1)} kW`;
export const pct = (fraction: number, digits = 0): string => `${(fraction * 100).toFixed(digits)} %`;
export const ms = (value: number): string => (value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(value < 10 ? 2 : 0)} ms`);
export const num = (n: number): string => n.toLocaleString('en-US');
export const gbps = (g: number): string => (g >= 1000 ? `${(g / 1000).toFixed(1)} Tbit/s` : `${+g.toPrecision(3)} Gbit/s`);
export const bytes = (b: number): string => {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = b;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${+v.toPrecision(3)} ${units[i]}`;
};
export const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return 'never';
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(0)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
};
