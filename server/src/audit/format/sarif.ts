// SARIF 2.1.0 for code-scanning dashboards: one reportingDescriptor per registered rule (ID,
// short description, help URI, default level), results with 1-based regions, and file notices
// as tool execution notifications.
import { pathToFileURL } from 'node:url';
import type { RuleDefinition } from '../../engine/rule';
import type { Severity } from '../../engine/types';
import { ruleDocsUrl } from '../../rules/docsUrl';
import type { AuditReport, Region } from '../report';

type SarifLevel = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

export const TOOL_URI = 'https://github.com/aws-patterns/aws-patterns';

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function location(path: string, r: Region) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(path), uriBaseId: SRCROOT },
      region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
    },
  };
}

export function formatSarif(report: AuditReport, rules: readonly RuleDefinition[], version: string): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => ({
      ruleId: f.ruleId,
      ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [location(file.path, f)],
      partialFingerprints: { 'awsPatternsKey/v1': `${f.ruleId}:${f.key}` },
    })),
  );
  const notifications: object[] = report.files.flatMap((file) =>
    file.notices.map((n) => ({ level: LEVEL[n.severity], message: { text: n.message }, locations: [location(file.path, n)] })),
  );
  // A rule that threw was turned off for that file: the run is partial there, and says so.
  for (const e of report.internalErrors) {
    notifications.push({
      level: 'error',
      message: { text: `Rule ${e.ruleId} failed on ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}` },
      ...(index.has(e.ruleId) ? { associatedRule: { id: e.ruleId, index: index.get(e.ruleId) } } : {}),
    });
  }
  const root = pathToFileURL(report.root).href;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aws-patterns',
            version,
            informationUri: TOOL_URI,
            rules: rules.map((r) => ({
              id: r.id,
              name: pascalCase(r.id),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.rationale },
              helpUri: ruleDocsUrl(r.id),
              help: { text: `${r.meta.rationale} See ${ruleDocsUrl(r.id)}` },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: { tags: ['aws', r.meta.service], guideSection: r.meta.guide },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
