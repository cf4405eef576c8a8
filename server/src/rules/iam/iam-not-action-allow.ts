import { defineRule } from '../../engine/rule';

export const iamNotActionAllow = defineRule({
  id: 'iam-not-action-allow',
  meta: {
    title: 'Allow with NotAction, NotResource or NotPrincipal',
    description: 'An Allow statement uses `NotAction`, `NotResource` or `NotPrincipal`, granting everything except what it lists.',
    rationale:
      '`"Effect": "Allow"` with `NotAction` grants every action except the listed ones: every action of every service, including the ones AWS adds later. ' +
      '`NotResource` does the same for resources, and `NotPrincipal` with Allow grants everyone except the listed principals (AWS advises never to combine them). ' +
      'Write the actions, resources and principals that are allowed instead. `NotAction` and `NotResource` are fine in Deny statements, which this rule leaves alone.',
    severity: 'warning',
    service: 'iam',
    guide: 'IAM / Least Privilege',
    fix: 'none',
    languages: ['json', 'typescript'],
    messages: {
      notAction: 'Allow with NotAction grants every action of every service except the {{count}} listed, including actions AWS adds later. List the allowed actions in "Action" instead.',
      notResource: 'Allow with NotResource grants access to every resource except the {{count}} listed, including resources created later. List the allowed resources in "Resource" instead.',
      notPrincipal: 'Allow with NotPrincipal grants access to everyone except the {{count}} listed principals, anonymous callers included. Name the allowed principals in "Principal" instead.',
    },
    examples: {
      invalid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "NotAction": "iam:*", "Resource": "*" }]\n}\n' }],
      valid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "NotAction": ["s3:GetObject"], "Resource": "arn:aws:s3:::reports/*" }]\n}\n' }],
    },
  },
  create(ctx) {
    return {
      policyStatement(s) {
        if (s.effect !== 'Allow') return;
        const lists = [
          ['notAction', 'NotAction', s.notActions?.items.length, s.notActions],
          ['notResource', 'NotResource', s.notResources?.items.length, s.notResources],
          ['notPrincipal', 'NotPrincipal', s.notPrincipal?.entries.length, s.notPrincipal],
        ] as const;
        for (const [messageId, element, count, node] of lists) {
          if (!node) continue;
          ctx.report({ messageId, data: { count: count ?? 0 }, start: node.keyStart, end: node.keyEnd, key: element });
        }
      },
    };
  },
});
