import { parse, type ParseError } from 'jsonc-parser';
import { jsonPath } from '../../engine/json/front';
import * as ts from '../../engine/typescript/api';
import { defineRule } from '../../engine/rule';
import type { Severity } from '../../engine/types';
import { cdktfAwsName, pulumiIamName, unwrap, type SymbolRef } from '../../engine/typescript/bindings';
import { propertyName, type TsFile } from '../../engine/typescript/file';
import { BROAD_MANAGED_POLICIES } from './broad-managed-policies';

/** `arn:aws:iam::aws:policy/AdministratorAccess`, `arn:${AWS::Partition}:iam::aws:policy/job-function/X`. */
const AWS_MANAGED_ARN = /^arn:(?:aws[a-z-]*|\$\{AWS::Partition\}|\$\{[^}]*\}):iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;
/** Properties that attach policies by ARN: CloudFormation, CDK L1 (`managedPolicyArns`), SSO permission sets, SDK Attach*Policy inputs. */
const ATTACH_KEYS = new Set(['ManagedPolicyArns', 'managedPolicyArns', 'ManagedPolicies', 'managedPolicies', 'PolicyArn', 'policyArn']);
/** Identities people sign in as: broad policies there are how admins are made, a decision rather than a slip. */
const HUMAN_CFN_TYPES = new Set(['AWS::IAM::Group', 'AWS::IAM::User', 'AWS::SSO::PermissionSet']);
const HUMAN_CDK_CLASSES = new Set(['Group', 'User', 'CfnGroup', 'CfnUser']);
const HUMAN_SDK_INPUTS = /^Attach(User|Group)Policy(Command)?$|^attach(User|Group)Policy$/;
/** Trusts that people sign in through (an account's users, a named user or role, SAML): an admin role for humans. */
const HUMAN_PRINCIPALS = new Set(['AccountPrincipal', 'AccountRootPrincipal', 'ArnPrincipal', 'SamlConsolePrincipal', 'SamlPrincipal']);

type Breadth = { kind: 'admin' } | { kind: 'services'; services: readonly string[] };

function breadthOf(name: string): Breadth | undefined {
  if (BROAD_MANAGED_POLICIES.admin.includes(name)) return { kind: 'admin' };
  // Own keys only: a property name such as `constructor` is not a policy.
  const services = Object.hasOwn(BROAD_MANAGED_POLICIES.services, name) ? BROAD_MANAGED_POLICIES.services[name] : undefined;
  return services ? { kind: 'services', services } : undefined;
}

export const iamBroadManagedPolicy = defineRule({
  id: 'iam-broad-managed-policy',
  meta: {
    title: 'Broad AWS managed policy attached',
    description:
      'A role (or user, group, permission set) is given an AWS managed policy that allows every action (`AdministratorAccess`, `PowerUserAccess`) or every action of a service (`AmazonS3FullAccess`...) on every resource.',
    rationale:
      'AWS managed policies are written for every customer at once, so the broad ones grant whole services on `*`: a function given `AmazonDynamoDBFullAccess` can delete every table in the account, one given `AdministratorAccess` can do anything, including creating users with keys. ' +
      'Grant the actions the code uses on the resources it uses (CDK `table.grantReadData(fn)`, or a policy statement with ARNs). ' +
      'Which policies are broad is taken from the policies themselves (an unconditional Allow of `*`, `NotAction` or `service:*` on `*`), not from their names. ' +
      'Severity follows the breadth: every action, or every IAM action (which lets the holder grant itself the rest), is an error; other service-wide policies are warnings. ' +
      'On IAM users, groups, SSO permission sets and roles only people assume (CDK `AccountPrincipal`, `ArnPrincipal`, SAML), admin and power-user access is usually deliberate: those are reported as information.',
    severity: 'warning',
    service: 'iam',
    guide: 'IAM / Least Privilege',
    fix: 'none',
    languages: ['json', 'typescript'],
    messages: {
      admin: 'The AWS managed policy {{policy}} allows every action on every resource{{target}}. Grant the actions this identity needs on its own resources instead.',
      serviceWide: 'The AWS managed policy {{policy}} allows every {{services}} action on every resource{{target}}. Grant only the actions the code uses, on its own resources (for example with CDK grant methods).',
    },
    gate: /fromAwsManagedPolicyName|:iam::aws:policy\/|@pulumi\/aws/,
    examples: {
      invalid: [
        {
          filename: 'stack.ts',
          code: "import * as iam from 'aws-cdk-lib/aws-iam';\nimport { Stack } from 'aws-cdk-lib';\n\nconst stack = new Stack();\nnew iam.Role(stack, 'FnRole', {\n  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),\n  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBFullAccess')],\n});\n",
        },
      ],
      valid: [
        {
          filename: 'stack.ts',
          code: "import * as iam from 'aws-cdk-lib/aws-iam';\nimport { Stack } from 'aws-cdk-lib';\n\nconst stack = new Stack();\nnew iam.Role(stack, 'FnRole', {\n  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),\n  managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],\n});\n",
        },
      ],
    },
  },
  create(ctx) {
    const report = (name: string, human: boolean, start: number, end: number) => {
      const breadth = breadthOf(name);
      if (!breadth) return;
      const escalates = breadth.kind === 'admin' || breadth.services.includes('iam');
      const severity: Severity = human ? 'information' : escalates ? 'error' : 'warning';
      const target = human ? ' (attached to people: deliberate for administrators, but worth a look)' : '';
      ctx.report({
        messageId: breadth.kind === 'admin' ? 'admin' : 'serviceWide',
        data: { policy: name, target, ...(breadth.kind === 'services' ? { services: servicesText(breadth.services) } : {}) },
        severity,
        start,
        end,
        key: name,
      });
    };

    if (ctx.file.kind === 'json') {
      if (!ctx.file.text.includes(':iam::aws:policy/')) return {};
      let template: unknown;
      const resourceType = (logicalId: string | number | undefined): string | undefined => {
        if (template === undefined) {
          const errors: ParseError[] = [];
          template = parse(ctx.file.text, errors, { allowTrailingComma: true }) ?? null;
        }
        const resources = (template as { Resources?: Record<string, { Type?: unknown }> } | null)?.Resources;
        const type = typeof logicalId === 'string' ? resources?.[logicalId]?.Type : undefined;
        return typeof type === 'string' ? type : undefined;
      };
      return {
        jsonString(v) {
          const m = AWS_MANAGED_ARN.exec(v.value);
          if (!m) return;
          // Only where a policy is attached: a policy document may name the same ARN as a resource or in a condition.
          // The path from the node's parents: `getLocation` rescanned the text from its start for each
          // ARN, quadratic on a policy naming many of them (a 3,000-line one took 6 ms, 8× it 550 ms).
          const path = jsonPath(v.node);
          if (!path.some((seg) => typeof seg === 'string' && ATTACH_KEYS.has(seg))) return;
          const human = path[0] === 'Resources' && HUMAN_CFN_TYPES.has(resourceType(path[1]) ?? '');
          report(m[1], human, v.start + 1, v.end - 1);
        },
      };
    }

    const file = ctx.ts;
    if (!file) return {};
    const named = new Set<ts.Node>();
    return {
      CallExpression(n) {
        const call = n as ts.CallExpression;
        const ref = file.symbolOf(call.expression);
        if (!ref || ref.module !== 'aws-cdk-lib/aws-iam' || ref.path[0] !== 'ManagedPolicy') return;
        const method = ref.path[1];
        const arg = method === 'fromAwsManagedPolicyName' ? call.arguments[0] : method === 'fromManagedPolicyArn' ? call.arguments[2] : undefined;
        if (!arg) return;
        const value = file.evaluate(arg);
        if (value.kind !== 'string') return;
        const name = method === 'fromAwsManagedPolicyName' ? value.value.split('/').pop() ?? '' : AWS_MANAGED_ARN.exec(value.value)?.[1];
        if (!name) return;
        named.add(unwrap(arg));
        report(name, cdkHumanTarget(file, call), arg.getStart(file.sourceFile), arg.getEnd());
      },
      PropertyAccessExpression: (n) => pulumiConstant(n as ts.PropertyAccessExpression),
      StringLiteral: (n) => literal(n as ts.StringLiteral),
      NoSubstitutionTemplateLiteral: (n) => literal(n as ts.NoSubstitutionTemplateLiteral),
    };

    /**
     * Pulumi's constants for AWS managed policy ARNs, where a policy is attached: `policyArn:
     * aws.iam.ManagedPolicy.AdministratorAccess` (a `RolePolicyAttachment`), `managedPolicyArns: [...]`,
     * a `CallbackFunction`'s `policies: [...]`; also the older `aws.iam.ManagedPolicies.X` and `aws.iam.X`.
     */
    function pulumiConstant(node: ts.PropertyAccessExpression): void {
      const name = node.name.text;
      if (!breadthOf(name)) return; // most property accesses: one lookup
      const ref = file!.symbolOf(node);
      if (!ref || ref.module !== '@pulumi/aws' || ref.path[0] !== 'iam' || ref.path[ref.path.length - 1] !== name) return;
      if (ref.path.length === 3 ? ref.path[1] !== 'ManagedPolicy' && ref.path[1] !== 'ManagedPolicies' : ref.path.length !== 2) return;
      let at: ts.Node = node;
      if (ts.isArrayLiteralExpression(at.parent)) at = at.parent;
      const prop = at.parent;
      const key = ts.isPropertyAssignment(prop) && prop.initializer === at ? propertyName(prop.name) : undefined;
      if (!key || (!ATTACH_KEYS.has(key) && key !== 'policies')) return;
      report(name, objectTargetsHuman(file!, prop.parent), node.getStart(file!.sourceFile), node.getEnd());
    }

    /** `managedPolicyArns: ['arn:aws:iam::aws:policy/...']` (CDK L1), `PolicyArn: '...'` (SDK Attach*Policy). */
    function literal(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): void {
      if (named.has(node)) return;
      const m = AWS_MANAGED_ARN.exec(node.text);
      if (!m) return;
      let at: ts.Node = node;
      if (ts.isArrayLiteralExpression(at.parent)) at = at.parent;
      const prop = at.parent;
      if (!ts.isPropertyAssignment(prop) || prop.initializer !== at || !ATTACH_KEYS.has(propertyName(prop.name) ?? '')) return;
      report(m[1], objectTargetsHuman(file!, prop.parent), node.getStart(file!.sourceFile) + 1, node.getEnd() - 1);
    }
  },
});

function servicesText(services: readonly string[]): string {
  const shown = services.slice(0, 3).map((s) => `${s}:*`);
  return services.length > 3 ? `${shown.join(', ')} (and ${services.length - 3} more services)` : shown.join(', ');
}

/** `new iam.Group(this, 'Admins', { managedPolicies: [here] })`, `group.addManagedPolicy(here)` on a User or Group. */
function cdkHumanTarget(file: TsFile, call: ts.CallExpression): boolean {
  let n: ts.Node = call;
  while (ts.isParenthesizedExpression(n.parent) || ts.isArrayLiteralExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.parent)) return objectTargetsHuman(file, p.parent);
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression) && ts.isPropertyAccessExpression(p.expression) && p.expression.name.text === 'addManagedPolicy') {
    const owner = file.resolveExpression(p.expression.expression);
    return !!owner && ts.isNewExpression(owner) && isHumanConstruct(file, owner);
  }
  return false;
}

/** The props object of `new iam.User(...)` / `new iam.CfnGroup(...)`, or the input of an AttachUserPolicy/AttachGroupPolicy call. */
function objectTargetsHuman(file: TsFile, obj: ts.Node): boolean {
  let n: ts.Node = obj;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (ts.isNewExpression(p)) {
    if (isHumanConstruct(file, p)) return true;
    const ref = file.symbolOf(p.expression);
    if (ref && isHumanAttachment(ref)) return true;
    return !!ref && HUMAN_SDK_INPUTS.test(ref.path[ref.path.length - 1] ?? '');
  }
  if (ts.isCallExpression(p)) {
    const callee = unwrap(p.expression);
    return ts.isPropertyAccessExpression(callee) && HUMAN_SDK_INPUTS.test(callee.name.text);
  }
  return false;
}

/** Pulumi's `aws.iam.UserPolicyAttachment` / `GroupPolicyAttachment`, CDKTF's `IamUserPolicyAttachment` / `IamGroupPolicyAttachment`. */
function isHumanAttachment(ref: SymbolRef): boolean {
  const pulumi = pulumiIamName(ref);
  if (pulumi) return pulumi === 'UserPolicyAttachment' || pulumi === 'GroupPolicyAttachment';
  const cdktf = cdktfAwsName(ref);
  return cdktf === 'IamUserPolicyAttachment' || cdktf === 'IamGroupPolicyAttachment';
}

function isHumanConstruct(file: TsFile, node: ts.NewExpression): boolean {
  const ref = file.symbolOf(node.expression);
  if (!ref || ref.module !== 'aws-cdk-lib/aws-iam' || ref.path.length !== 1) return false;
  if (HUMAN_CDK_CLASSES.has(ref.path[0])) return true;
  if (ref.path[0] !== 'Role') return false;
  // A role only people assume: `assumedBy: new AccountPrincipal(...)`, or a CompositePrincipal of such.
  const assumedBy = node.arguments?.[2] && file.objectProps(node.arguments[2])?.get('assumedBy');
  return !!assumedBy && assumedBy !== 'unknown' && !!assumedBy.value && humanPrincipal(file, assumedBy.value, 0);
}

function humanPrincipal(file: TsFile, expr: ts.Expression, depth: number): boolean {
  const e = file.resolveExpression(expr);
  if (!e || !ts.isNewExpression(e) || depth > 3) return false;
  const ref = file.symbolOf(e.expression);
  if (!ref || ref.module !== 'aws-cdk-lib/aws-iam' || ref.path.length !== 1) return false;
  if (HUMAN_PRINCIPALS.has(ref.path[0])) return true;
  const args = e.arguments ?? [];
  return ref.path[0] === 'CompositePrincipal' && args.length > 0 && args.every((a) => (ts.isSpreadElement(a) ? mappedPrincipal(file, a.expression, depth) : humanPrincipal(file, a, depth + 1)));
}

/** `...accountIds.map((id) => new AccountPrincipal(id))` */
function mappedPrincipal(file: TsFile, expr: ts.Expression, depth: number): boolean {
  const call = unwrap(expr);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'map') return false;
  const fn = call.arguments[0] && unwrap(call.arguments[0]);
  return !!fn && ts.isArrowFunction(fn) && !ts.isBlock(fn.body) && humanPrincipal(file, fn.body, depth + 1);
}
