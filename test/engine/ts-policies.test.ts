import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PolicyStatement } from '../../server/src/engine/policy/model';
import { applyEdits } from '../../server/src/engine/text';
import { TsFile, parseTypeScript } from '../../server/src/engine/typescript/file';
import { extractTsPolicyStatements } from '../../server/src/engine/typescript/policies';
import { parseProblems } from '../helpers/engine';

const IAM = "import * as iam from 'aws-cdk-lib/aws-iam';\n";
function extract(code: string): PolicyStatement[] {
  return extractTsPolicyStatements(new TsFile(parseTypeScript('stack.ts', code)));
}
const values = (l: { items: { value: string | undefined }[] } | undefined) => l?.items.map((i) => i.value);
const text = (code: string, r: { start: number; end: number }) => code.slice(r.start, r.end);

describe('TypeScript IAM statements: PolicyStatement', () => {
  it('reads actions, resources, effect (Allow by default) and points into the code', () => {
    const code = IAM + "new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:*'], resources: ['*'] });\n";
    const [s] = extract(code);
    assert.equal(s.effect, 'Allow');
    assert.equal(s.kind, 'identity');
    assert.equal(s.origin, 'typescript');
    assert.deepEqual(values(s.actions), ['s3:GetObject', 's3:*']);
    assert.equal(text(code, s.actions!.items[1]), "'s3:*'");
    assert.equal(text(code, { start: s.actions!.keyStart, end: s.actions!.keyEnd }), 'actions');
    assert.deepEqual(values(s.resources), ['*']);
  });
  it('reads Effect.DENY, and an unknown effect as undefined', () => {
    assert.equal(extract(IAM + "new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['*'] });\n")[0].effect, 'Deny');
    assert.equal(extract(IAM + "declare const e: iam.Effect;\nnew iam.PolicyStatement({ effect: e, actions: ['*'] });\n")[0].effect, undefined);
  });
  it('follows consts and spreads of const arrays; unknown elements make the list incomplete', () => {
    const code = IAM + "const READ = ['s3:GetObject'];\ndeclare const more: string[];\nnew iam.PolicyStatement({ actions: [...READ, 's3:PutObject'], resources: [...more] });\n";
    const [s] = extract(code);
    assert.deepEqual(values(s.actions), ['s3:GetObject', 's3:PutObject']);
    assert.equal(s.actions!.incomplete, false);
    assert.equal(s.resources!.incomplete, true);
  });
  it('adds what later calls add (addActions, addAllResources, addCondition, addAnyPrincipal)', () => {
    const code = IAM + "const s = new iam.PolicyStatement();\ns.addActions('sqs:SendMessage');\ns.addAllResources();\ns.addAnyPrincipal();\ns.addCondition('StringEquals', 'aws:SourceAccount', '111122223333');\n";
    const [s] = extract(code);
    assert.deepEqual(values(s.actions), ['sqs:SendMessage']);
    assert.deepEqual(values(s.resources), ['*']);
    assert.deepEqual(s.principal!.entries.map((e) => `${e.type}:${e.value}`), ['AWS:*']);
    assert.equal(s.kind, 'resource');
    assert.deepEqual(s.condition!.entries, [{ operator: 'StringEquals', key: 'aws:SourceAccount', values: ['111122223333'] }]);
  });
  it('reads principals of every kind', () => {
    const code =
      IAM +
      "new iam.PolicyStatement({ actions: ['s3:GetObject'], principals: [new iam.AnyPrincipal(), new iam.StarPrincipal(), new iam.ArnPrincipal('*'), new iam.AccountPrincipal('123456789012'), new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.CompositePrincipal(new iam.ArnPrincipal('arn:aws:iam::111122223333:role/x'))] });\n";
    const [s] = extract(code);
    assert.deepEqual(s.principal!.entries.map((e) => `${e.type}:${e.value}`), ['AWS:*', '*:*', 'AWS:*', 'AWS:arn:aws:iam::123456789012:root', 'Service:lambda.amazonaws.com', 'AWS:arn:aws:iam::111122223333:role/x']);
    assert.equal(s.principal!.incomplete, false);
    assert.equal(s.kind, 'resource');
  });
  it('an unresolvable principal makes the principal incomplete', () => {
    const [s] = extract(IAM + "declare const role: iam.IRole;\nnew iam.PolicyStatement({ actions: ['s3:GetObject'], principals: [role.grantPrincipal, new iam.AccountRootPrincipal()] });\n");
    assert.equal(s.principal!.incomplete, true);
  });
  it('is a resource statement when given to addToResourcePolicy', () => {
    const code = IAM + "declare const bucket: any;\nconst st = new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.AnyPrincipal()] });\nbucket.addToResourcePolicy(st);\n";
    assert.equal(extract(code)[0].kind, 'resource');
  });
  it('props it cannot see give no statement', () => {
    assert.deepEqual(extract(IAM + 'declare const p: iam.PolicyStatementProps;\nnew iam.PolicyStatement(p);\n'), []);
  });
  it('a file without IAM is skipped cheaply', () => {
    assert.deepEqual(extract("import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B');\n"), []);
  });
});

describe('TypeScript IAM statements: JSON-shaped literals', () => {
  it('PolicyDocument.fromJson and plain { Version, Statement } literals', () => {
    const code = IAM + "iam.PolicyDocument.fromJson({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });\nconst raw = { Statement: [{ Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' }] };\n";
    const [a, b] = extract(code);
    assert.equal(a.effect, 'Allow');
    assert.equal(a.actions!.isArray, false);
    assert.deepEqual(values(a.actions), ['s3:*']);
    assert.equal(b.effect, 'Deny');
    assert.deepEqual(values(b.notActions), ['iam:*']);
  });
  it('an L1 CfnRole trust document is a trust statement', () => {
    const code = IAM + "new iam.CfnRole(this, 'R', { assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] } });\n";
    const [s] = extract(code);
    assert.equal(s.kind, 'trust');
    assert.deepEqual(s.principal!.entries.map((e) => e.value), ['arn:aws:iam::111122223333:root']);
  });
  it('an object with a Statement key that is not a policy is ignored', () => {
    assert.deepEqual(extract('const sql = { Statement: "SELECT 1" };\n'), []);
  });
  it('a policy a test expects to find in a template is not a grant (CDK assertions, Match, Jest, node:assert)', () => {
    const policy = "{ PolicyDocument: { Statement: [{ Action: 'dynamodb:*', Effect: 'Allow', Resource: '*' }] } }";
    const cases = [
      `template.hasResourceProperties('AWS::IAM::Policy', ${policy});\n`,
      `Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', Match.objectLike(${policy}));\n`,
      `expect(stack).toHaveResourceLike('AWS::IAM::Policy', ${policy});\n`,
      `expect(doc.toJSON()).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });\n`,
      `assert.deepStrictEqual(render(), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });\n`,
    ];
    for (const code of cases) assert.deepEqual(extract(code), [], code);
  });
  it('a policy built inside a test callback or passed to another call is still read', () => {
    const inCallback = "test('x', () => { new Policy(stack, 'P', { document: iam.PolicyDocument.fromJson({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) }); });\n";
    assert.deepEqual(extract(IAM + inCallback).map((s) => values(s.actions)), [['s3:*']]);
    const passed = "expect(() => attach({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })).not.toThrow();\n";
    assert.deepEqual(extract(passed).map((s) => values(s.actions)), [['s3:*']]);
  });
  it('PolicyStatement.fromJson', () => {
    const [s] = extract(IAM + "iam.PolicyStatement.fromJson({ Effect: 'Allow', Action: ['ec2:*'], Resource: '*' });\n");
    assert.deepEqual(values(s.actions), ['ec2:*']);
  });
});

describe('TypeScript IAM statements: Role trust', () => {
  it('assumedBy AccountPrincipal without externalIds', () => {
    const code = IAM + "new iam.Role(this, 'R', { assumedBy: new iam.AccountPrincipal('123456789012') });\n";
    const [s] = extract(code);
    assert.equal(s.kind, 'trust');
    assert.equal(s.effect, 'Allow');
    assert.deepEqual(values(s.actions), ['sts:AssumeRole']);
    assert.deepEqual(s.principal!.entries.map((e) => `${e.type}:${e.value}`), ['AWS:arn:aws:iam::123456789012:root']);
    assert.equal(text(code, s.principal!.entries[0]), "new iam.AccountPrincipal('123456789012')");
    assert.equal(s.condition, undefined);
  });
  it('externalIds become a StringEquals sts:ExternalId condition', () => {
    const [s] = extract(IAM + "new iam.Role(this, 'R', { assumedBy: new iam.ArnPrincipal('arn:aws:iam::123456789012:role/ci'), externalIds: ['abc'] });\n");
    assert.deepEqual(s.condition!.entries, [{ operator: 'StringEquals', key: 'sts:ExternalId', values: ['abc'] }]);
  });
  it('CompositePrincipal, AccountRootPrincipal (a token), withConditions', () => {
    const [s] = extract(
      IAM + "new iam.Role(this, 'R', { assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.AccountRootPrincipal(), new iam.AccountPrincipal('123456789012').withConditions({ StringEquals: { 'sts:ExternalId': 'x' } })) });\n",
    );
    assert.deepEqual(s.principal!.entries.map((e) => `${e.type}:${e.value}`), ['Service:lambda.amazonaws.com', 'AWS:undefined', 'AWS:arn:aws:iam::123456789012:root']);
    assert.equal(s.principal!.incomplete, true);
    assert.deepEqual(s.condition!.entries.map((e) => e.key), ['sts:ExternalId']);
  });
  it('a web identity principal implies AssumeRoleWithWebIdentity', () => {
    const [s] = extract(IAM + "new iam.Role(this, 'R', { assumedBy: new iam.WebIdentityPrincipal('cognito-identity.amazonaws.com', { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'pool' } }) });\n");
    assert.deepEqual(values(s.actions), ['sts:AssumeRoleWithWebIdentity']);
    assert.equal(s.condition!.entries.length, 1);
  });
  it('a role with a principal from elsewhere: incomplete, no invented values', () => {
    const [s] = extract(IAM + "declare const p: iam.IPrincipal;\nnew iam.Role(this, 'R', { assumedBy: p });\n");
    assert.equal(s.principal!.incomplete, true);
    assert.deepEqual(s.principal!.entries, []);
  });
});

describe('TypeScript StatementEditor', () => {
  const edit = (code: string, f: (s: PolicyStatement) => ReturnType<PolicyStatement['editor']['addCondition']>, index = 0) => {
    const edits = f(extract(code)[index]);
    assert.ok(edits, 'no edits');
    const out = applyEdits(code, edits);
    assert.deepEqual(parseProblems('stack.ts', out), []);
    return out;
  };
  it('replaceItem keeps the array form', () => {
    const code = IAM + "new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] });\n";
    assert.equal(edit(code, (s) => s.editor.replaceItem(s.actions!, s.actions!.items[0], ['s3:GetObject', 's3:PutObject'])), IAM + "new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: ['*'] });\n");
  });
  it('replaceItem in a multi-line array follows its layout', () => {
    const code = IAM + "new iam.PolicyStatement({\n  actions: [\n    's3:*',\n  ],\n});\n";
    assert.equal(edit(code, (s) => s.editor.replaceItem(s.actions!, s.actions!.items[0], ['s3:GetObject', 's3:PutObject'])), IAM + "new iam.PolicyStatement({\n  actions: [\n    's3:GetObject',\n    's3:PutObject',\n  ],\n});\n");
  });
  it('replaceItem turns a JSON-shaped string into an array only when it needs several values', () => {
    const code = IAM + "iam.PolicyStatement.fromJson({ Effect: 'Allow', Action: 's3:*', Resource: '*' });\n";
    assert.equal(edit(code, (s) => s.editor.replaceItem(s.actions!, s.actions!.items[0], ['s3:GetObject', 's3:PutObject'])), IAM + "iam.PolicyStatement.fromJson({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' });\n");
  });
  it('addCondition on a PolicyStatement adds `conditions`', () => {
    const code = IAM + "new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.AccountPrincipal('123456789012')] });\n";
    assert.equal(
      edit(code, (s) => s.editor.addCondition('StringEquals', 'sts:ExternalId', 'EXTERNAL_ID')),
      IAM + "new iam.PolicyStatement({ actions: ['sts:AssumeRole'], principals: [new iam.AccountPrincipal('123456789012')], conditions: { StringEquals: { 'sts:ExternalId': 'EXTERNAL_ID' } } });\n",
    );
  });
  it('addCondition extends an existing operator', () => {
    const code = IAM + "new iam.PolicyStatement({ actions: ['sts:AssumeRole'], conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } });\n";
    assert.equal(
      edit(code, (s) => s.editor.addCondition('StringEquals', 'sts:ExternalId', 'X')),
      IAM + "new iam.PolicyStatement({ actions: ['sts:AssumeRole'], conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-1', 'sts:ExternalId': 'X' } } });\n",
    );
  });
  it('addCondition on a JSON-shaped statement adds `Condition` in its key style', () => {
    const code = IAM + 'const trust = { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "sts:AssumeRole" }] };\n';
    assert.equal(
      edit(code, (s) => s.editor.addCondition('StringEquals', 'sts:ExternalId', 'X')),
      IAM + 'const trust = { "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::123456789012:root" }, "Action": "sts:AssumeRole", "Condition": { "StringEquals": { "sts:ExternalId": "X" } } }] };\n',
    );
  });
  it('addCondition on a Role trust adds externalIds to the Role', () => {
    const code = IAM + "new iam.Role(this, 'R', {\n  assumedBy: new iam.AccountPrincipal('123456789012'),\n});\n";
    assert.equal(edit(code, (s) => s.editor.addCondition('StringEquals', 'sts:ExternalId', 'EXTERNAL_ID')), IAM + "new iam.Role(this, 'R', {\n  assumedBy: new iam.AccountPrincipal('123456789012'),\n  externalIds: ['EXTERNAL_ID'],\n});\n");
  });
  it('a Role trust accepts no other condition and no item replacement', () => {
    const [s] = extract(IAM + "new iam.Role(this, 'R', { assumedBy: new iam.AccountPrincipal('123456789012') });\n");
    assert.equal(s.editor.addCondition('Bool', 'aws:MultiFactorAuthPresent', 'true'), undefined);
    assert.equal(s.editor.replaceItem(s.actions!, s.actions!.items[0], ['sts:AssumeRole']), undefined);
  });
});
