import { defineRule } from '../../engine/rule';
import { listValues, type PolicyStatement } from '../../engine/policy/model';
import { conditionRestrictsWho, denyRestrictsWho } from './restricting-conditions';
import { wildcardToRegExp } from '../../iam/knowledge';

const anyone = (s: PolicyStatement) => !!s.principal?.entries.some((e) => e.type === '*' || (e.type === 'AWS' && e.value?.trim() === '*'));

/** `execute-api:/*\/*\/*` and `execute-api:/*` both name every method of the API the policy is attached to. */
const normalize = (r: string) => (r.toLowerCase().startsWith('execute-api:') ? r.replace(/(\/\*)+$/, '/*') : r).toLowerCase();

/** Every value of `inner` is matched by a pattern of `outer` ("*" matches all); unknown values never are. */
function covers(outer: string[], inner: (string | undefined)[]): boolean {
  const patterns = outer.map((o) => wildcardToRegExp(normalize(o)));
  return inner.length > 0 && inner.every((v) => v !== undefined && patterns.some((p) => p.test(normalize(v))));
}

/**
 * A Deny of the same document, to everyone, for the Allow's actions and resources, whose condition
 * denies every caller outside an IP range, organization or endpoint: the Allow only reaches them
 * (API Gateway's documented "allow *, deny NotIpAddress" resource policy).
 */
function guardedByDeny(s: PolicyStatement): boolean {
  const actions = s.actions?.items.map((i) => i.value?.trim());
  const resources = s.resources?.items.map((i) => i.value?.trim());
  if (!actions || !resources) return false;
  return !!s.siblings?.some(
    (d) =>
      d !== s &&
      d.effect === 'Deny' &&
      anyone(d) &&
      !d.notActions &&
      !d.notResources &&
      !!d.condition &&
      !d.condition.incomplete &&
      d.condition.entries.some(denyRestrictsWho) &&
      covers(listValues(d.actions), actions) &&
      covers(listValues(d.resources), resources),
  );
}

function actionSummary(s: PolicyStatement): string {
  const actions = listValues(s.actions);
  if (actions.length === 0) return s.notActions ? 'every action but the listed ones' : 'the actions of this statement';
  return actions.length <= 3 ? actions.join(', ') : `${actions.slice(0, 2).join(', ')} and ${actions.length - 2} more actions`;
}

export const iamPublicPrincipal = defineRule({
  id: 'iam-public-principal',
  meta: {
    title: 'Public principal',
    description: 'An Allow statement of a trust or resource policy names `Principal: "*"` (or `{"AWS": "*"}`) without a condition that restricts who can use it.',
    rationale:
      'A `*` principal in an Allow statement grants the statement to anyone: every AWS account, and for most resource policies anonymous callers as well. ' +
      'Name the accounts, roles or service principals instead, or keep `*` and add a condition that pins the caller down: `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceArn`, `aws:SourceAccount`, `aws:SourceVpce` or `aws:SourceIp` (with a matching, not a `Not...` or `...IfExists`, operator). ' +
      'An Allow beside a Deny of the same document to `*`, for its actions and resources, that denies every caller outside an IP range, organization or endpoint (`NotIpAddress` on `aws:SourceIp`, `StringNotEquals` on `aws:PrincipalOrgID`: API Gateway\'s documented IP allow-list) reaches only those callers and is not reported. ' +
      '`aws:SecureTransport` only requires TLS and does not restrict who. Deny statements with `*` (such as "deny insecure transport") are guardrails and are not reported, and neither are VPC endpoint policies (in a template, in CDK, or a policy file whose folder or name says `vpc-endpoint`, `vpce` or `endpoint-policy`), where `*` is the norm: they limit what may pass through the endpoint, and every caller still needs its own IAM permissions.',
    severity: 'error',
    service: 'iam',
    guide: 'IAM / Cross-Account Access',
    fix: 'none',
    languages: ['json', 'typescript'],
    messages: {
      publicResource: 'Principal "*" grants {{actions}} to anyone, in any AWS account or anonymous, with no condition restricting who. Name the principals, or add a condition such as aws:PrincipalOrgID, aws:SourceArn or aws:SourceAccount.',
      publicTrust: 'Principal "*" lets any AWS account assume this role, with no condition restricting who. Name the accounts or roles that may assume it, or add an aws:PrincipalOrgID condition.',
    },
    examples: {
      invalid: [
        {
          filename: 'bucket-policy.json',
          code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*" }]\n}\n',
        },
      ],
      valid: [
        {
          filename: 'bucket-policy.json',
          code: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" }, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*",\n    "Condition": { "StringEquals": { "aws:SourceArn": "arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE" } }\n  }]\n}\n',
        },
      ],
    },
  },
  create(ctx) {
    return {
      policyStatement(s) {
        // A VPC endpoint policy's "*" is the norm: it limits what passes the endpoint, and callers still need IAM permissions.
        if (s.effect !== 'Allow' || !s.principal || s.vpcEndpoint || conditionRestrictsWho(s.condition) || guardedByDeny(s)) return;
        for (const entry of s.principal.entries) {
          const anyone = entry.type === '*' || (entry.type === 'AWS' && entry.value?.trim() === '*');
          if (!anyone) continue;
          ctx.report({
            messageId: s.kind === 'trust' ? 'publicTrust' : 'publicResource',
            data: { actions: actionSummary(s) },
            start: entry.start,
            end: entry.end,
            key: 'Principal::*',
          });
        }
      },
    };
  },
});
