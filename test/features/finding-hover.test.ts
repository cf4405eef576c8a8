import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleHoverMarkdown, ruleHoverPlainText } from '../../server/src/features/hover';
import { guideAnchor, patternsOfSection, snippetCode, snippetsForRule } from '../../server/src/features/patterns';
import { allRules, rulesById } from '../../server/src/rules/index';
import { analyzeText } from '../helpers/engine';
import { readGuide } from '../helpers/guide';

describe('hover over a finding', () => {
  it("shows the rationale and the guide's ✅ pattern in the file's language (the editor shows the message)", () => {
    const json = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*" }]\n}\n';
    const finding = analyzeText('policy.json', json).findings.find((f) => f.ruleId === 'iam-wildcard-action')!;
    const rule = rulesById.get('iam-wildcard-action')!;
    const md = ruleHoverMarkdown(rule, 'json', { docsUrl: 'https://example.test/docs/rules/iam-wildcard-action.md', guideUrl: 'https://example.test/guide.md' });
    assert.ok(!md.includes(finding.message));
    assert.ok(md.includes(rule.meta.rationale));
    assert.ok(md.includes('✅ **[IAM / Least Privilege](https://example.test/guide.md#least-privilege)** (snippet `aws-iam-statement`)'), md);
    assert.ok(md.includes('```json\n{\n  "Effect": "Allow",\n  "Action": ["s3:GetObject", "s3:PutObject"]'), md);
    assert.ok(md.includes('(https://example.test/docs/rules/iam-wildcard-action.md)'));

    const tsMd = ruleHoverMarkdown(rule, 'typescript');
    assert.ok(tsMd.includes('```typescript\nnew iam.PolicyStatement({'), tsMd);
    const plain = ruleHoverPlainText(rule, 'typescript', 'https://example.test/x.md');
    assert.ok(plain.startsWith(`${rule.meta.title} (${rule.id})`) && !plain.includes('```') && plain.includes('new iam.PolicyStatement({'));
  });

  it('picks the pattern that cures the rule where a section has several', () => {
    assert.deepEqual(snippetsForRule('lambda-arm64', 'Cost Optimization', 'typescript').map((s) => s.prefix), ['aws-lambda-arm64']);
    assert.deepEqual(snippetsForRule('s3-bucket-lifecycle', 'Cost Optimization', 'typescript').map((s) => s.prefix), ['aws-s3-lifecycle']);
    assert.deepEqual(snippetsForRule('some-future-rule', 'S3 / Presigned URLs', 'typescript').map((s) => s.prefix), ['aws-s3-presigned-get']);
    assert.deepEqual(snippetsForRule('x', 'Presigned URLs').map((s) => s.prefix), ['aws-s3-presigned-get'], 'a subsection name alone resolves');
    assert.deepEqual(snippetsForRule('x', 'No Such Section'), []);
  });

  it("the pattern is the snippet's current form, not the guide's stale runtime", () => {
    const [fn] = snippetsForRule('lambda-explicit-timeout', 'Lambda / Timeouts and Memory', 'typescript');
    assert.ok(snippetCode(fn).includes('lambda.Runtime.NODEJS_24_X'));
    assert.ok(!snippetCode(fn).includes('NODEJS_20_X'));
  });

  it("every guide section has a pattern and its anchor is the guide's heading", () => {
    const sections = new Set(readGuide().map((b) => b.section));
    for (const section of sections) {
      assert.ok(patternsOfSection(section).length > 0, section);
      const heading = section.split(' / ').pop()!;
      assert.equal(guideAnchor(section), heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
    }
  });

  // Generic over the registry: a rule naming a guide section must find its pattern there. A
  // guide written in parentheses ("(all sections use v3)", "(suppression comments)") names no
  // section: such a rule shows its own ✅ example instead of a snippet.
  for (const rule of allRules) {
    it(`${rule.id}: its guide section "${rule.meta.guide}" resolves to a snippet`, () => {
      if (/^\(.*\)$/.test(rule.meta.guide.trim())) {
        assert.deepEqual(snippetsForRule(rule.id, rule.meta.guide), [], 'a rule without a section shows no snippet');
        return;
      }
      assert.ok(snippetsForRule(rule.id, rule.meta.guide).length > 0, `no pattern for guide section "${rule.meta.guide}"`);
    });
  }
});
