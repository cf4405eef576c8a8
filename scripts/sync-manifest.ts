// Keeps what derives from the rule registry in step with it: the per-rule entries of the
// `awsPatterns.rules` setting in package.json and the `.aws-patterns.json` JSON schema.
// `npm run sync-manifest` writes them; test/manifest.test.ts fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../server/src/rules/index';

const root = join(__dirname, '..');
export const MANIFEST_PATH = join(root, 'package.json');
export const SCHEMA_PATH = join(root, 'schemas', 'aws-patterns.schema.json');
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/** `awsPatterns.rules` properties: one per rule, its one-line description, its default severity. */
export function ruleSettingProperties(): Record<string, unknown> {
  return Object.fromEntries(
    allRules.map((r) => [r.id, { type: 'string', enum: SEVERITIES, markdownDescription: `${r.meta.description} (default: \`${r.meta.severity}\`)` }]),
  );
}

export function configSchema(): Record<string, unknown> {
  const rule = (id: string) => {
    const r = allRules.find((x) => x.id === id)!;
    const options = Object.fromEntries(Object.entries(r.meta.options ?? {}).map(([k, o]) => [k, { ...o.schema, description: o.description, default: o.default }]));
    return {
      description: `${r.meta.description} Default severity: ${r.meta.severity}.`,
      oneOf: [
        { type: 'string', enum: SEVERITIES },
        { type: 'object', properties: { severity: { type: 'string', enum: SEVERITIES }, ...options }, additionalProperties: false },
      ],
    };
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'AWS Patterns configuration (.aws-patterns.json)',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      rules: { type: 'object', description: 'Severity (or "off") and options per rule.', properties: Object.fromEntries(allRules.map((r) => [r.id, rule(r.id)])), additionalProperties: false },
      ignore: {
        type: 'array',
        items: { type: 'string' },
        description: 'Files not to analyze, as .gitignore-style patterns relative to the folder of this file (e.g. "test/fixtures/", "**/*.generated.ts"). The editor and the CLI both skip them.',
      },
      trustedAccounts: { type: 'array', items: { type: 'string', pattern: '^\\d{12}$' }, description: 'Account IDs whose principals need no sts:ExternalId.' },
      presignedUrlMaxSeconds: { type: 'number', exclusiveMinimum: 0, default: 3600, description: 'Presigned URLs valid longer than this are reported.' },
      maxFileBytes: { type: 'number', exclusiveMinimum: 0, default: 8388608, description: 'Files larger than this are not analyzed.' },
    },
    additionalProperties: false,
  };
}

export function syncedManifest(text: string): string {
  const manifest = JSON.parse(text);
  manifest.contributes.configuration.properties['awsPatterns.rules'].properties = ruleSettingProperties();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function schemaText(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(MANIFEST_PATH, syncedManifest(readFileSync(MANIFEST_PATH, 'utf8')));
  writeFileSync(SCHEMA_PATH, schemaText());
  console.log(`Synced ${allRules.length} rule(s) into package.json and schemas/aws-patterns.schema.json.`);
}
