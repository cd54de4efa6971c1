/** Compares two semantic versions (x.y.z with optional pre-release, no build metadata): negative, 0 or positive. */
export function compareSemver(a: string, b: string): number {
  const [coreA = '', preA] = splitPre(a);
  const [coreB = '', preB] = splitPre(b);
  const nums = (core: string) => core.split('.').map(Number);
  const [x, y] = [nums(coreA), nums(coreB)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  // A pre-release sorts before its release: 1.2.0-beta < 1.2.0.
  if (preA === undefined || preB === undefined) return (preA === undefined ? 1 : 0) - (preB === undefined ? 1 : 0);
  const [pa, pb] = [preA.split('.'), preB.split('.')];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const [s, t] = [pa[i], pb[i]];
    if (s === undefined || t === undefined) return s === undefined ? -1 : 1;
    const [ns, nt] = [/^\d+$/.test(s), /^\d+$/.test(t)];
    if (ns && nt && Number(s) !== Number(t)) return Number(s) - Number(t);
    if (ns !== nt) return ns ? -1 : 1;
    if (s !== t) return s < t ? -1 : 1;
  }
  return 0;
}

function splitPre(version: string): [string, string | undefined] {
  const dash = version.indexOf('-');
  return dash < 0 ? [version, undefined] : [version.slice(0, dash), version.slice(dash + 1)];
}
