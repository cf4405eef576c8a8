// Facts about the project a file belongs to, computed from text the caller read (the engine does
// no I/O): which aws-cdk-lib version the project uses, so fixes use an API that version has.

/** `2.177.0` from `^2.177.0`, `~2.177.0`, `>=2.177.0 <3`, `2.177.0`: the lowest version the range allows. */
export function lowestVersion(range: string): string | undefined {
  const m = range.trim().match(/(\d+)\.(\d+)(?:\.(\d+))?/);
  if (!m) return undefined;
  return `${m[1]}.${m[2]}.${m[3] ?? '0'}`;
}

/** -1, 0 or 1, comparing dotted numeric versions (`2.99.0` < `2.100.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** True when the version is known and at least `min`; undefined when unknown. */
export function versionAtLeast(version: string | undefined, min: string): boolean | undefined {
  return version === undefined ? undefined : compareVersions(version, min) >= 0;
}

/**
 * The aws-cdk-lib version a package.json asks for (dependencies, devDependencies or
 * peerDependencies), as its lowest allowed version; undefined when it does not use aws-cdk-lib
 * or the text is not JSON. `installed` is node_modules/aws-cdk-lib/package.json when present: the
 * version actually installed wins over the range.
 */
export function awsCdkLibVersionOf(packageJson: string, installed?: string): string | undefined {
  const exact = installed !== undefined ? versionField(installed) : undefined;
  if (exact) return exact;
  let manifest: unknown;
  try {
    manifest = JSON.parse(packageJson);
  } catch {
    return undefined;
  }
  if (!manifest || typeof manifest !== 'object') return undefined;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = (manifest as Record<string, unknown>)[field];
    const range = deps && typeof deps === 'object' ? (deps as Record<string, unknown>)['aws-cdk-lib'] : undefined;
    if (typeof range === 'string') return lowestVersion(range);
  }
  return undefined;
}

function versionField(text: string): string | undefined {
  try {
    const v = (JSON.parse(text) as { version?: unknown }).version;
    return typeof v === 'string' && /^\d+\.\d+\.\d+/.test(v) ? v.match(/^\d+\.\d+\.\d+/)![0] : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a package.json text declares aws-cdk-lib at all (to stop the upward search there). */
export function declaresAwsCdkLib(packageJson: string): boolean {
  return awsCdkLibVersionOf(packageJson) !== undefined;
}
