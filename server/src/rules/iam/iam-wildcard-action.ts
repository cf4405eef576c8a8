import { hasWildcard, parseActionPattern } from '../../iam/knowledge';
import { defineRule } from '../../engine/rule';
import type { PolicyStatement } from '../../engine/policy/model';
import type { Fix } from '../../engine/types';
import { starterActions } from './starter-actions';
import { expandCached, perPattern, rememberedPer } from './expand-cache';

const READ_LEVELS = new Set(['Read', 'List']);

/**
 * A resource policy that grants to an account's root principal hands the decision to that
 * account's IAM policies: AWS's default key policy (`kms:*` to the account's root) is the common
 * case. Silent when every principal is such a root of a trusted account, or a value we cannot
 * read (a CloudFormation `${AWS::AccountId}` ARN, a template placeholder for the account).
 */
function delegatesToOwnAccount(s: PolicyStatement, trusted: ReadonlySet<string>): boolean {
  const p = s.principal;
  if (s.kind !== 'resource' || !p || p.entries.length === 0) return false;
  return p.entries.every((e) => {
    if (e.type !== 'AWS') return false;
    if (e.value === undefined) return true;
    const v = e.value.trim();
    const account = /^(\d{12})$|^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(v);
    if (account) return trusted.has(account[1] ?? account[2]);
    // A placeholder for the account (`{{account-id}}`, `${Account}`, `<ACCOUNT_ID>`) is an
    // account we cannot read, as an intrinsic is: policy templates in repositories use them.
    const root = /^arn:aws[a-z-]*:iam::([^:]+):root$/.exec(v);
    return !!root && !/^\d+$/.test(root[1]) && !root[1].includes('*');
  });
}

/**
 * A service wildcard's read and write actions, remembered per pattern: the managed policies write
 * `s3:*`-style actions hundreds of times, and each finding's suggestions list all of them. The
 * same arrays each time also let the JSON editor reuse their quoted text.
 */
const serviceLists = perPattern((iam, pattern) => {
  const matched = expandCached(iam, pattern) ?? [];
  return {
    read: matched.filter((a) => READ_LEVELS.has(a.accessLevel)).map((a) => a.fullName),
    write: matched.filter((a) => !READ_LEVELS.has(a.accessLevel)).map((a) => a.fullName),
  };
});

/**
 * A partial wildcard's access levels as the message lists them (`3 Read, 1 Tagging/Write`),
 * remembered per pattern: the managed policies repeat patterns such as `ec2:Describe*` in
 * thousands of statements, and each count walked every action the pattern matches.
 */
const levelsText = perPattern((iam, pattern) => {
  const levels = new Map<string, number>();
  // Combined levels ("Tagging, Write") read as one: "Tagging/Write".
  for (const a of expandCached(iam, pattern) ?? []) {
    const level = a.accessLevel.replace(/,\s*/g, '/');
    levels.set(level, (levels.get(level) ?? 0) + 1);
  }
  return [...levels].map(([l, n]) => `${n} ${l}`).join(', ');
});

/** The names a partial wildcard matches, one array per pattern (as above). */
const matchedNames = perPattern((iam, pattern) => (expandCached(iam, pattern) ?? []).map((a) => a.fullName));

/** The starting list per service, one array per service for the same reason. */
const starters = rememberedPer((service: string) => service, starterActions);

export const iamWildcardAction = defineRule({
  id: 'iam-wildcard-action',
  meta: {
    title: 'Wildcard IAM action',
    description: 'An Allow statement grants every action (`*`) or every action of a service (`s3:*`); partial wildcards (`s3:Get*`) are listed with what they expand to.',
    rationale:
      'A wildcard grants every action the service has today and every one it adds tomorrow, including destructive and permission-changing ones. Least privilege means naming the actions the workload calls. ' +
      'VPC endpoint policies (an `AWS::EC2::VPCEndpoint` in a template, an endpoint in CDK, or a policy file whose folder or name says `vpc-endpoint`, `vpce` or `endpoint-policy`) are not reported: they grant nothing, only limit what may pass through the endpoint, and AWS\'s default endpoint policy is `*` on `*`.',
    severity: 'warning',
    service: 'iam',
    guide: 'IAM / Least Privilege',
    fix: 'unsafe',
    languages: ['json', 'typescript'],
    messages: {
      allActions: 'Action "*" grants every action of every AWS service{{onAll}}. Name the actions this principal needs.',
      serviceWildcard: 'Action "{{action}}" grants all {{count}} {{service}} actions, including {{writeCount}} that write or change permissions. Name the actions this principal needs.',
      partialWildcard: 'Action "{{action}}" expands to {{count}} action{{plural}} ({{levels}}).',
    },
    examples: {
      invalid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::my-bucket/*" }]\n}\n' }],
      valid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::my-bucket/uploads/*" }]\n}\n' }],
    },
  },
  create(ctx) {
    const trusted = new Set(ctx.settings.trustedAccounts);
    return {
      policyStatement(s) {
        // A VPC endpoint policy grants nothing: it limits what passes the endpoint, and AWS's own
        // default endpoint policy is "*" on "*".
        if (s.effect !== 'Allow' || !s.actions || s.vpcEndpoint || delegatesToOwnAccount(s, trusted)) return;
        const onStar = s.resources?.items.some((r) => r.value === '*') ?? false;
        for (const item of s.actions.items) {
          const action = item.value?.trim();
          // Most actions are concrete: no wildcard, nothing to report (and no closure made for them).
          if (!action || (action !== '*' && !hasWildcard(action))) continue;
          const replace = (title: string, values: string[]): Fix[] => {
            const edits = values.length ? s.editor.replaceItem(s.actions!, item, values) : undefined;
            return edits ? [{ title, kind: 'unsafe', edits }] : [];
          };
          if (action === '*') {
            // A condition can narrow "*" a great deal (AWS's own `aws:IsMcpServiceAction`), so only an
            // unconditioned "*" on "*" is called administrator access.
            const admin = onStar && !s.condition;
            ctx.report({
              messageId: 'allActions',
              data: { onAll: admin ? ' on every resource: full administrator access' : onStar ? ' on every resource, limited only by its condition' : '' },
              severity: admin ? 'error' : 'warning',
              start: item.start,
              end: item.end,
              key: 'Action::*',
            });
            continue;
          }
          const parsed = parseActionPattern(action);
          if (!parsed || !hasWildcard(parsed.action)) continue;
          const matched = expandCached(ctx.iam, action);
          // Unknown services and wildcards that match nothing belong to iam-unknown-action.
          if (!matched || matched.length === 0) continue;
          if (parsed.action === '*') {
            const { read, write } = serviceLists(ctx.iam, action);
            ctx.report({
              messageId: 'serviceWildcard',
              data: { action, service: parsed.service, count: matched.length, writeCount: write.length },
              start: item.start,
              end: item.end,
              key: `Action::${action}`,
              suggestions: [
                ...replace(`Replace with the ${read.length} read and list actions of ${parsed.service}`, read),
                ...replace(`Replace with the ${write.length} write actions of ${parsed.service}`, write),
                ...replace(`Replace with a starting list to edit (${starters(ctx.iam, parsed.service).join(', ')})`, starters(ctx.iam, parsed.service)),
              ],
            });
            continue;
          }
          ctx.report({
            messageId: 'partialWildcard',
            data: { action, count: matched.length, plural: matched.length === 1 ? '' : 's', levels: levelsText(ctx.iam, action) },
            severity: 'information',
            start: item.start,
            end: item.end,
            key: `Action::${action}`,
            suggestions: replace(`Replace with the ${matched.length} actions it matches`, matchedNames(ctx.iam, action)),
          });
        }
      },
    };
  },
});
