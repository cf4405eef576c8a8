import { defineRule } from '../../engine/rule';
import { detached } from '../../engine/text';
import type { PolicyCondition, PolicyStatement, PolicyValue } from '../../engine/policy/model';
import { hasWildcard, wildcardToRegExp, type IamAction, type IamKnowledge } from '../../iam/knowledge';
import { placeholderArn, preferredResourceType, type ResourceTypeArn } from './resource-arn';
import { expandCached, perPattern } from './expand-cache';
import { knownAction } from './known-action';

/** Conditions that already narrow which resources the statement reaches (attribute-based access control). */
// `iam:AWSServiceName` confines iam:CreateServiceLinkedRole to one service's service-linked role
// (the form AWS documents for granting it).
const RESOURCE_SCOPING_KEY = /(^|:)(ResourceTag|RequestTag)\/|:CreateAction$|^aws:Resource(Account|OrgID|OrgPaths)$|^cloudwatch:namespace$|^iam:AWSServiceName$/i;

function scopedByCondition(condition: PolicyCondition | undefined): boolean {
  if (!condition) return false;
  // A condition we cannot read may scope the resources: stay silent.
  return condition.incomplete || condition.entries.some((e) => RESOURCE_SCOPING_KEY.test(e.key));
}

/**
 * Actions the IAM data gives an optional resource type that almost no policy can use: CloudWatch's
 * metric APIs gained a `dataset` type for one feature, while metrics themselves have no ARN (the
 * documented way to limit PutMetricData is the `cloudwatch:namespace` condition). Treated as `*`-only.
 */
const STAR_IN_PRACTICE = new Set(['cloudwatch:putmetricdata', 'cloudwatch:getmetricdata', 'cloudwatch:listmetrics']);

/** The resource type a pattern most often means (`s3:Get*` → object), from the actions it matches. */
function typeOf(iam: Parameters<typeof preferredResourceType>[0], actions: IamAction[]): ResourceTypeArn | undefined {
  const counts = new Map<string, { type: ResourceTypeArn; n: number }>();
  for (const a of actions) {
    const t = preferredResourceType(iam, a);
    if (!t) continue;
    const c = counts.get(t.format) ?? { type: t, n: 0 };
    c.n++;
    counts.set(t.format, c);
  }
  let best: { type: ResourceTypeArn; n: number } | undefined;
  let tied = false;
  for (const c of counts.values()) {
    if (!best || c.n > best.n) {
      best = c;
      tied = false;
    } else if (c.n === best.n) tied = true;
  }
  // No type the pattern most often means (`iam:List*Tags`: one action per type): naming one, or
  // writing its placeholder ARN, would cut the other actions off.
  return tied ? undefined : best?.type;
}

// An ARN that names every resource of its type in every account and region (`arn:aws:s3:::*`,
// `arn:aws:s3:::*/*`, `arn:aws:dynamodb:*:*:table/*`): for its own service's actions it reaches what
// `"*"` reaches. An ARN with a real account, region or name prefix is scoped and left alone.
// Returns the ARN's service prefix.
function everyResourceArn(value: string): string | undefined {
  const m = /^arn:[^:]+:([a-z0-9-]+):(\*?):(\*?):(.+)$/.exec(value);
  if (!m) return undefined;
  // A resource-type prefix (`table/*`, `function:*`) only where the ARN has an account field; in an
  // account-less ARN (S3) the first segment is a name: `arn:aws:s3:::reports/*` is one bucket.
  const resource = m[3] === '*' ? /^(?:[A-Za-z-]+[/:])?\*$/ : /^\*(?:\/\*)?$/;
  return resource.test(m[4]) ? m[1].toLowerCase() : undefined;
}

/** Whether `action` is `service:...` in any casing (`service` is lower case), without splitting it. */
function ofService(action: string, service: string): boolean {
  const n = service.length;
  for (let i = 0; i < n && i < action.length; i++) {
    const c = action.charCodeAt(i);
    // Beyond ASCII, lower-casing can change the length (`İ`) or land in ASCII (the Kelvin sign).
    if (c > 127) return action.split(':')[0].toLowerCase() === service;
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== service.charCodeAt(i)) return false;
  }
  return action.length > n && action.charCodeAt(n) === 58; /* : */
}

/**
 * The first resource type of an action pattern's actions whose ARNs the wildcard ARN matches
 * (`arn:aws:s3:::*` + `/*` reaches objects, not buckets); undefined when it reaches none of them.
 */
function typeReached(iam: IamKnowledge, pattern: string, arn: string): string | undefined {
  // Remembered per ARN and pattern as written: a managed policy's `arn:aws:s3:::*` meets the same
  // actions in statement after statement, and each answer walks the actions' resource types.
  const m = matcherOf(arn, iam);
  if (m.reached.has(pattern)) return m.reached.get(pattern);
  const type = computeTypeReached(iam, pattern, m.reaches);
  if (m.reached.size >= MAX_REACHED) m.reached.clear();
  m.reached.set(detached(pattern), type);
  return type;
}

function computeTypeReached(iam: IamKnowledge, pattern: string, reaches: (format: string) => boolean): string | undefined {
  for (const a of expandCached(iam, pattern) ?? []) {
    if (STAR_IN_PRACTICE.has(a.fullName.toLowerCase())) continue;
    const formats = iam.service(a.service)?.resourceTypes ?? {};
    // Of the types it reaches, the one the ARN names most directly: `table/*` reaches a table's
    // indexes too (`table/T/index/I`), but it names tables.
    let best: { name: string; length: number } | undefined;
    for (const r of a.resourceTypes) {
      const format = formats[r.name];
      if (format && reaches(format) && (!best || format.length < best.length)) best = { name: r.name, length: format.length };
    }
    if (best) return best.name;
  }
  return undefined;
}

/**
 * Whether the wildcard ARN matches a resource type's ARN format, remembered per ARN and format:
 * a workspace names few distinct wildcard ARNs and resource types, and asks about them in every
 * statement (the AWS managed policies: thousands of times each).
 */
interface Matcher {
  reaches: (format: string) => boolean;
  /** pattern → the type it reaches; keyed by IAM knowledge too, through `owner`. */
  reached: Map<string, string | undefined>;
  owner: IamKnowledge;
}

function matcherOf(arn: string, iam: IamKnowledge): Matcher {
  let matcher = matchers.get(arn);
  // The remembered types belong to one IAM data set: another (a test's, a reload) starts afresh.
  if (matcher && matcher.owner === iam) return matcher;
  const partition = detached(arn.split(':')[1]); // the matcher outlives the file: see `detached`
  const glob = wildcardToRegExp(arn);
  const answers = new Map<string, boolean>();
  const reaches = (format: string) => {
    let yes = answers.get(format);
    if (yes === undefined) answers.set(format, (yes = glob.test(format.replace(/\$\{Partition\}/g, partition).replace(/\$\{[^}]+\}/g, 'x'))));
    return yes;
  };
  matcher = { reaches, reached: new Map(), owner: iam };
  if (matchers.size >= MAX_MATCHERS) matchers.clear();
  matchers.set(detached(arn), matcher);
  return matcher;
}

const matchers = new Map<string, Matcher>();
const MAX_MATCHERS = 1000;
const MAX_REACHED = 5000;

/** ` and 2 more actions` after the first of `count` actions. */
function moreActions(count: number): string {
  return count > 1 ? ` and ${count - 1} more action${count > 2 ? 's' : ''}` : '';
}

const STAR_ONLY = 'star-only';
type Scoping = { type: ResourceTypeArn | undefined; arn: string | undefined } | typeof STAR_ONLY;

/**
 * Whether an action pattern's actions can be scoped to ARNs (and to which resource type and
 * placeholder ARN), or only work on "*"; undefined when it matches no known action. Remembered:
 * the AWS managed policies name ~66,000 actions (13,000 distinct) and repeat patterns such as
 * `ec2:Describe*` in thousands of statements, and each answer filters and ranks the actions'
 * resource types. A wildcard pattern's answer per pattern (`perPattern`); a concrete action's per
 * action, found by the item's lookup that the other IAM rules share.
 */
const scopingOfPattern = perPattern(computeScoping);
/** A concrete action's answer depends on the action alone: remembered per action (of one IAM data set). */
const scopingOfAction = new WeakMap<IamAction, Scoping>();

function scopingOf(iam: IamKnowledge, pattern: string, item: PolicyValue): Scoping | undefined {
  if (hasWildcard(pattern)) return scopingOfPattern(iam, pattern);
  // No action (an unknown one, or an unknown service) matches nothing, as `computeScoping` finds.
  const action = knownAction(iam, item, pattern);
  if (!action) return undefined;
  let scoping = scopingOfAction.get(action);
  if (scoping === undefined) scopingOfAction.set(action, (scoping = computeScoping(iam, pattern)!));
  return scoping;
}

function computeScoping(iam: IamKnowledge, pattern: string): Scoping | undefined {
  const matched = expandCached(iam, pattern);
  if (!matched || matched.length === 0) return undefined;
  const withTypes = matched.filter((a) => a.resourceTypes.length > 0 && !STAR_IN_PRACTICE.has(a.fullName.toLowerCase()));
  if (withTypes.length === 0) return STAR_ONLY;
  // A wildcard pattern most of whose actions only work on "*" (`ec2:Describe*`: 17 of 194 take a
  // resource type; `logs:Describe*`: 3 of 19) needs "*": scoping it would cut most of them off.
  if (hasWildcard(pattern) && withTypes.length * 4 < matched.length) return STAR_ONLY;
  const type = typeOf(iam, withTypes);
  return { type, arn: type && placeholderArn(type.format) };
}

/**
 * The resource types a statement's actions reach, for the message: one type (`object`), a few
 * (`job, bucket or object`), or "resource" when they are many or unknown. Naming the first
 * action's type alone told users that eighteen tagging actions act on "every job".
 */
function typesNamed(types: (string | undefined)[]): string {
  if (types.some((t) => t === undefined)) return 'resource';
  const names = [...new Set(types as string[])];
  if (names.length === 1) return names[0];
  if (names.length > 3) return 'resource';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

export const iamWildcardResource = defineRule({
  id: 'iam-wildcard-resource',
  meta: {
    title: 'Wildcard IAM resource',
    description: 'An Allow statement applies actions that support resource-level permissions to `"Resource": "*"`.',
    rationale:
      'With `"Resource": "*"` the actions reach every bucket, table, queue or key the account has and every one created later, so one compromised workload can read or change data it was never meant to touch. ' +
      'Name the ARNs the workload uses. Actions that only work on `*` (such as `s3:ListAllMyBuckets`, per the IAM service reference) are exempt, and so are wildcard patterns most of whose actions do (`ec2:Describe*`: 17 of its 194 actions take a resource type); statements in resource policies (where `*` means the resource the policy is attached to, as in KMS key policies) and statements whose condition scopes resources by tag or account (`aws:ResourceTag/...`, `aws:ResourceAccount`), or confines `iam:CreateServiceLinkedRole` to one service (`iam:AWSServiceName`), are not reported. ' +
      'An ARN that names every resource of its type in every account (`arn:aws:s3:::*`, `arn:aws:dynamodb:*:*:table/*`) is reported like `*` for its own service\'s actions, without a fix. ' +
      'The fix writes an ARN with blanks to fill (`arn:aws:s3:::BUCKET_NAME/OBJECT_NAME`), so it is never applied unattended.',
    severity: 'warning',
    service: 'iam',
    guide: 'IAM / Least Privilege',
    fix: 'unsafe',
    languages: ['json', 'typescript'],
    messages: {
      wildcardResource: 'Resource "*" lets {{action}}{{more}} act on every {{resourceType}} this principal can reach. Scope it to the ARNs the workload uses.',
      wildcardArn: 'Resource "{{resource}}" names every {{resourceType}} in every account: it gives {{action}}{{more}} the reach of "*". Scope it to the ARNs the workload uses.',
      wildcardResourceMixed:
        'Resource "*" lets {{action}}{{more}} act on every {{resourceType}} this principal can reach. {{starOnly}} only {{work}} on "*": move {{them}} to a statement of {{their}} own and scope this one.',
    },
    examples: {
      invalid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "*" }]\n}\n' }],
      valid: [
        { filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "arn:aws:dynamodb:us-east-1:123456789012:table/Orders" }]\n}\n' },
        { filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*" }]\n}\n' },
      ],
    },
  },
  create(ctx) {
    return {
      policyStatement(s) {
        if (s.effect !== 'Allow' || s.kind !== 'identity' || !s.actions || !s.resources) return;
        if (scopedByCondition(s.condition)) return;
        const star = s.resources.items.find((r) => r.value?.trim() === '*');
        if (!star) {
          reportEveryResourceArns(s);
          return;
        }
        const scoped: { action: string; type: ResourceTypeArn | undefined; arn: string | undefined }[] = [];
        const starOnly: string[] = [];
        for (const item of s.actions.items) {
          const action = item.value?.trim();
          // Action "*" on "*" is iam-wildcard-action's administrator finding; saying it twice is noise.
          if (action === '*') return;
          // Unknown actions belong to iam-unknown-action.
          const scoping = action ? scopingOf(ctx.iam, action, item) : undefined;
          if (!action || !scoping) continue;
          if (scoping === STAR_ONLY) starOnly.push(action);
          else scoped.push({ action, type: scoping.type, arn: scoping.arn });
        }
        if (scoped.length === 0) return;
        const first = scoped[0];
        const data = {
          action: first.action,
          more: moreActions(scoped.length),
          resourceType: typesNamed(scoped.map((a) => a.type?.name)),
          work: starOnly.length === 1 ? 'works' : 'work',
          them: starOnly.length === 1 ? 'it' : 'them',
          their: starOnly.length === 1 ? 'its' : 'their',
          starOnly: starOnly.length > 3 ? `${starOnly.slice(0, 3).join(', ')} and ${starOnly.length - 3} more` : starOnly.join(', '),
        };
        // A loop into a set: statements of the managed policies hold hundreds of actions.
        const distinct = new Set<string>();
        for (const a of scoped) if (a.arn) distinct.add(a.arn);
        const arns = [...distinct];
        // Every action needs its placeholder: replacing "*" without one would take its resources away.
        const edits = starOnly.length === 0 && arns.length > 0 && scoped.every((a) => a.arn) ? s.editor.replaceItem(s.resources, star, arns) : undefined;
        ctx.report({
          messageId: starOnly.length ? 'wildcardResourceMixed' : 'wildcardResource',
          data,
          start: star.start,
          end: star.end,
          key: 'Resource::*',
          fix: edits ? { title: `Replace "*" with ${arns.length === 1 ? 'a scoped ARN' : 'scoped ARNs'} to fill in (${arns.join(', ')})`, kind: 'unsafe', edits } : undefined,
        });
      },
    };

    /** Each every-resource ARN, for the statement's actions of the ARN's own service that can be scoped. */
    function reportEveryResourceArns(s: PolicyStatement): void {
      for (const r of s.resources!.items) {
        const value = r.value?.trim();
        const service = value ? everyResourceArn(value) : undefined;
        if (!value || !service) continue;
        const scoped: { action: string; type: string }[] = [];
        for (const item of s.actions!.items) {
          const action = item.value?.trim();
          if (!action || action === '*' || !ofService(action, service)) continue;
          const type = typeReached(ctx.iam, action, value);
          if (type) scoped.push({ action, type });
        }
        if (scoped.length === 0) continue;
        ctx.report({
          messageId: 'wildcardArn',
          data: {
            resource: value,
            action: scoped[0].action,
            more: moreActions(scoped.length),
            resourceType: scoped[0].type,
          },
          start: r.start,
          end: r.end,
          key: `Resource::${value}`,
        });
      }
    }
  },
});
