import { defineRule } from '../../engine/rule';
import { wildcardToRegExp } from '../../iam/knowledge';
import { requiresKey } from './restricting-conditions';

/** Account ID of an AWS principal: `123456789012`, `arn:aws:iam::123456789012:root`, a role, user or session ARN. */
function accountOf(principal: string): string | undefined {
  const v = principal.trim();
  if (/^\d{12}$/.test(v)) return v;
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(v)?.[1];
}

function grantsAssumeRole(action: string | undefined): boolean {
  if (!action) return false;
  const a = action.trim();
  return a === '*' || (a.includes(':') && wildcardToRegExp(a).test('sts:AssumeRole'));
}

const PLACEHOLDER = 'EXTERNAL_ID';

export const iamTrustMissingExternalId = defineRule({
  id: 'iam-trust-missing-external-id',
  meta: {
    title: 'Cross-account trust without an external ID',
    description: 'A role trust policy lets another AWS account or role call `sts:AssumeRole` without an `sts:ExternalId` condition.',
    rationale:
      'When a third party (a SaaS vendor, a monitoring service) assumes roles in many customers\' accounts, anyone who learns your role ARN can ask that vendor to act on it: the confused deputy problem. ' +
      'Requiring the external ID the vendor issued to you (`"StringEquals": {"sts:ExternalId": "..."}`) makes the vendor prove which customer it acts for. ' +
      'Accounts you own need no external ID: list them in `trustedAccounts` in `.aws-patterns.json`. The rule also stays silent when the statement is limited to your organization (`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`), ' +
      'when it requires MFA (`aws:MultiFactorAuthPresent`, `aws:MultiFactorAuthAge`: a person switching roles, and the console cannot send an external ID), and for service and federated principals, which are not accounts. ' +
      'The fix adds the condition with a placeholder value, so it is never applied unattended.',
    severity: 'warning',
    service: 'iam',
    guide: 'IAM / Cross-Account Access',
    fix: 'unsafe',
    languages: ['json', 'typescript'],
    messages: {
      missingExternalId:
        'Account {{account}}{{more}} can assume this role without an sts:ExternalId condition. If it is a third party acting for several customers, require the external ID it gave you (confused deputy); if it is your own account, add it to "trustedAccounts".',
    },
    examples: {
      invalid: [
        {
          filename: 'trust-policy.json',
          code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole" }]\n}\n',
        },
      ],
      valid: [
        {
          filename: 'trust-policy.json',
          code: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow", "Principal": { "AWS": "arn:aws:iam::111122223333:root" }, "Action": "sts:AssumeRole",\n    "Condition": { "StringEquals": { "sts:ExternalId": "a1b2c3d4-vendor-issued" } }\n  }]\n}\n',
        },
      ],
    },
  },
  create(ctx) {
    const trusted = new Set(ctx.settings.trustedAccounts);
    return {
      policyStatement(s) {
        if (s.effect !== 'Allow' || !s.principal || !s.actions?.items.some((i) => grantsAssumeRole(i.value))) return;
        const c = s.condition;
        if (c?.incomplete) return;
        const exempt = ['sts:ExternalId', 'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge'];
        if (exempt.some((k) => requiresKey(c, k))) return;
        // "*" is iam-public-principal's; unknown values (intrinsics) and non-account strings stay silent.
        const untrusted = s.principal.entries.flatMap((e) => {
          const account = e.type === 'AWS' && e.value ? accountOf(e.value) : undefined;
          return account && !trusted.has(account) ? [{ entry: e, account }] : [];
        });
        if (untrusted.length === 0) return;
        const accounts = [...new Set(untrusted.map((u) => u.account))];
        const edits = s.editor.addCondition('StringEquals', 'sts:ExternalId', PLACEHOLDER);
        ctx.report({
          messageId: 'missingExternalId',
          data: { account: accounts[0], more: accounts.length > 1 ? ` (and ${accounts.length - 1} more account${accounts.length > 2 ? 's' : ''})` : '' },
          start: untrusted[0].entry.start,
          end: untrusted[0].entry.end,
          key: `Principal::${accounts[0]}`,
          fix: edits ? { title: `Add a "StringEquals" "sts:ExternalId" condition (replace ${PLACEHOLDER} with the ID the third party gave you)`, kind: 'unsafe', edits } : undefined,
        });
      },
    };
  },
});
