import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iamHover, serviceReferenceUrl } from '../../server/src/features/hover';
import { actionSiteAt } from '../../server/src/features/iam-sites';
import { iam } from '../helpers/engine';

/** The text with `|` removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'mark the cursor with |');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const policy = (statement: string) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statement}\n  ]\n}\n`;

describe('action sites', () => {
  const cases: [string, string, 'json' | 'typescript', string | undefined][] = [
    ['JSON Action array item', policy('{ "Effect": "Allow", "Action": ["s3:Get|Object"], "Resource": "*" }'), 'json', 's3:GetObject'],
    ['JSON Action string', policy('{ "Effect": "Allow", "Action": "|sqs:SendMessage", "Resource": "*" }'), 'json', 'sqs:SendMessage'],
    ['JSON NotAction', policy('{ "Effect": "Deny", "NotAction": ["iam:*|"], "Resource": "*" }'), 'json', 'iam:*'],
    ['JSON in a CloudFormation template', '{"Resources":{"P":{"Type":"AWS::IAM::Policy","Properties":{"PolicyDocument":{"Statement":[{"Effect":"Allow","Action":"s3:|GetObject","Resource":"*"}]}}}}}', 'json', 's3:GetObject'],
    ['JSON unterminated string while typing', '{"Statement":[{"Effect":"Allow","Action":"s3:Ge|', 'json', 's3:Ge'],
    ['JSON key is not a value', policy('{ "Effect": "Allow", "Act|ion": "s3:GetObject" }'), 'json', undefined],
    ['JSON Resource is not an action', policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b|/*" }'), 'json', undefined],
    ['JSON Action outside a policy statement', '{ "name": "x", "Action": "s3:Get|Object" }', 'json', undefined],
    ['TS PolicyStatement actions', "new iam.PolicyStatement({ actions: ['s3:Get|Object'], resources: ['*'] });", 'typescript', 's3:GetObject'],
    ['TS notActions', "new iam.PolicyStatement({ notActions: [\"iam:|*\"] });", 'typescript', 'iam:*'],
    ['TS policy literal Action string', "const doc = { Statement: [{ Effect: 'Allow', Action: 'dynamodb:Qu|ery', Resource: '*' }] };", 'typescript', 'dynamodb:Query'],
    ['TS addActions argument', "statement.addActions('sqs:SendMessage', 'sqs:Get|QueueUrl');", 'typescript', 'sqs:GetQueueUrl'],
    ['TS CDK grant(grantee, ...actions)', "table.grant(role, 'dynamodb:PutItem', 'dynamodb:Get|Item');", 'typescript', 'dynamodb:GetItem'],
    ['TS grant: the grantee is not an action', "table.grant('arn:aws:iam::1:role/|x', 'dynamodb:PutItem');", 'typescript', undefined],
    ['TS template literal', 'new iam.PolicyStatement({ actions: [`s3:Put|Object`] });', 'typescript', 's3:PutObject'],
    ['TS unterminated while typing', "new iam.PolicyStatement({ actions: ['s3:Ge|", 'typescript', 's3:Ge'],
    ['TS resources are not actions', "new iam.PolicyStatement({ resources: ['arn:aws:s3:::b|'] });", 'typescript', undefined],
    ['TS another array', "const names = { tags: ['s3:Get|Object'] };", 'typescript', undefined],
    ['TS after the closing quote', "new iam.PolicyStatement({ actions: ['s3:GetObject'|] });", 'typescript', undefined],
  ];
  for (const [name, marked, kind, expected] of cases) {
    it(name, () => {
      const [text, offset] = at(marked);
      const site = actionSiteAt(text, offset, kind);
      assert.equal(site?.value, expected);
      if (site) assert.equal(text.slice(site.start, site.end), site.value);
    });
  }
});

describe('hover over an IAM action', () => {
  it('shows description, access level, resource types with ARNs, condition keys and the reference link', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": ["s3:Get|Object"], "Resource": "*" }'));
    const hover = iamHover(text, offset, 'json', iam)!;
    const action = iam.action('s3:GetObject')!;
    assert.match(hover.markdown, /^\*\*`s3:GetObject`\*\* · Read/);
    assert.ok(hover.markdown.includes(action.description));
    assert.ok(hover.markdown.includes('| object'), hover.markdown);
    assert.ok(hover.markdown.includes('`arn:${Partition}:s3:::${BucketName}/${ObjectName}`'), hover.markdown);
    assert.ok(hover.markdown.includes('`s3:ExistingObjectTag/<key>`'), hover.markdown);
    assert.ok(hover.markdown.includes(serviceReferenceUrl('s3')), hover.markdown);
    assert.equal(text.slice(hover.start, hover.end), 's3:GetObject');
  });

  it('links the service reference page named after the prefix', () => {
    assert.equal(serviceReferenceUrl('lambda'), 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_lambda.html#list_lambda-actions-as-permissions');
  });

  it('works in TypeScript, any casing of the action', () => {
    const [text, offset] = at("new iam.PolicyStatement({ actions: ['sqs:sendmessage|'] });");
    const hover = iamHover(text, offset, 'typescript', iam)!;
    assert.match(hover.markdown, /^\*\*`sqs:SendMessage`\*\* · Write/);
  });

  it('says when the service has no such action', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "s3:GetObjet|" }'));
    assert.match(iamHover(text, offset, 'json', iam)!.markdown, /Amazon S3 defines no action named `GetObjet`/);
  });

  it('stays silent for an unknown service and outside action positions', () => {
    const [t1, o1] = at(policy('{ "Effect": "Allow", "Action": "nosuchservice:Get|" }'));
    assert.equal(iamHover(t1, o1, 'json', iam), undefined);
    const [t2, o2] = at(policy('{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b|" }'));
    assert.equal(iamHover(t2, o2, 'json', iam), undefined);
  });
});

describe('hover over a wildcard action', () => {
  it('counts the actions it grants, split by access level, with the first names of each', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "s3:Get|*" }'));
    const md = iamHover(text, offset, 'json', iam)!.markdown;
    const matched = iam.expand('s3:Get*')!;
    assert.ok(md.startsWith(`**\`s3:Get*\`** grants ${matched.length} actions of Amazon S3`), md);
    const read = matched.filter((a) => a.accessLevel === 'Read').map((a) => a.name).sort();
    assert.ok(md.includes(`| Read | ${read.length} | ${read.slice(0, 5).join(', ')}, … |`), md);
  });

  it('orders levels from List to Permissions management', () => {
    const [text, offset] = at("new iam.PolicyStatement({ actions: ['iam:*|'] });");
    const md = iamHover(text, offset, 'typescript', iam)!.markdown;
    const rows = md.split('\n').filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| Access')).map((l) => l.split('|')[1].trim());
    assert.equal(rows[0], 'List');
    assert.equal(rows[rows.length - 1], 'Permissions management, Write');
    const total = md.split('\n').filter((l) => /^\| [A-Z]/.test(l) && !l.startsWith('| Access')).reduce((n, l) => n + Number(l.split('|')[2]), 0);
    assert.equal(total, iam.expand('iam:*')!.length);
  });

  it('"*" counts every action of every service', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "|*" }'));
    const md = iamHover(text, offset, 'json', iam)!.markdown;
    assert.ok(md.startsWith(`**\`*\`** grants ${iam.expand('*')!.length} actions of ${iam.servicePrefixes().length} AWS services`), md.slice(0, 200));
    assert.ok(md.includes('s3:') || md.includes(':'), 'full names when services are mixed');
  });

  it('a wildcard that matches nothing says so', () => {
    const [text, offset] = at(policy('{ "Effect": "Allow", "Action": "s3:Nothing*|" }'));
    assert.match(iamHover(text, offset, 'json', iam)!.markdown, /matches no action of Amazon S3/);
  });
});
