// The CLI writes its report in pieces: the pieces must join to exactly the text they came from
// (never splitting a surrogate pair), and the JSON report produced file by file must be the very
// text `JSON.stringify(report, null, 2)` gives.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pieces } from '../../server/src/audit/main';
import { formatJson, jsonPieces } from '../../server/src/audit/format/json';
import type { AuditFile, AuditReport } from '../../server/src/audit/report';

describe('pieces', () => {
  it('joins back to the text and never ends a piece between the halves of a surrogate pair', () => {
    const text = `ab\u{1F600}cd\u{1F600}\u{1F600}e\ud800f\u00e9`;
    for (let size = 1; size <= text.length + 1; size++) {
      const parts = [...pieces(text, size)];
      assert.equal(parts.join(''), text, `size ${size}`);
      for (const p of parts) assert.ok(p.length > 0 && p.length <= Math.max(size, 2), `size ${size}: ${JSON.stringify(p)}`);
      // A high surrogate that starts a pair is never the last unit of a piece.
      let at = 0;
      for (const p of parts.slice(0, -1)) {
        at += p.length;
        const before = text.charCodeAt(at - 1);
        const next = text.charCodeAt(at);
        assert.ok(!(before >= 0xd800 && before <= 0xdbff && next >= 0xdc00 && next <= 0xdfff), `size ${size}: split at ${at}`);
      }
    }
    assert.deepEqual([...pieces('', 4)], []);
  });
});

describe('the JSON report, file by file', () => {
  const finding = (message: string, extra: object = {}) => ({
    ruleId: 'iam-wildcard-action',
    messageId: 'wildcard',
    severity: 'error' as const,
    message,
    line: 1,
    column: 2,
    endLine: 3,
    endColumn: 4,
    suggestions: 1,
    key: 'k',
    ...extra,
  });
  const file = (path: string, findings: AuditFile['findings'] = [], notices: AuditFile['notices'] = []): AuditFile => ({ path, findings, notices });
  /** The report as the CLI printed it before: one JSON.stringify of the whole. */
  function whole(report: AuditReport, version: string): string {
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const f of report.files) for (const x of f.findings) counts[x.severity]++;
    const files = report.files.filter((f) => f.findings.length || f.notices.length);
    const summary = {
      filesChecked: report.files.length,
      findings: counts.error + counts.warning + counts.information + counts.hint,
      ...counts,
      ...(report.fixes ? { fixesApplied: report.fixes.applied, filesFixed: report.fixes.files } : {}),
    };
    return `${JSON.stringify({ tool: 'aws-patterns', version, files, summary }, null, 2)}\n`;
  }
  const reports: Record<string, AuditReport> = {
    'no files': { root: '/w', files: [], internalErrors: [] },
    'only clean files, with fixes': { root: '/w', files: [file('a.json'), file('b.ts')], internalErrors: [], fixes: { applied: 0, files: 0 } },
    'findings, notices, escapes and non-ASCII text': {
      root: '/w',
      files: [
        file('policies/a "quoted".json', [finding('Action "*" grants\n\teverything → all', { fix: 'unsafe', key: 'k\\1' }), finding('lone \ud800 surrogate')]),
        file('clean.ts'),
        file('big.json', [], [{ severity: 'information', message: 'Skipped: 9.0 MB is over the limit.', line: 1, column: 1, endLine: 1, endColumn: 1 }]),
        file('last.ts', [finding('nested', { key: '' })]),
      ],
      internalErrors: [],
    },
  };
  for (const [name, report] of Object.entries(reports)) {
    it(`is the text of one JSON.stringify: ${name}`, () => {
      assert.equal(formatJson(report, '1.2.3'), whole(report, '1.2.3'));
      assert.equal([...jsonPieces(report, '1.2.3')].join(''), whole(report, '1.2.3'));
      assert.deepEqual(JSON.parse(formatJson(report, '1.2.3')).files, report.files.filter((f) => f.findings.length || f.notices.length));
    });
  }
});
