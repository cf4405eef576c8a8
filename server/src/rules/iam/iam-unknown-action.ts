import { defineRule } from '../../engine/rule';
import type { PolicyList, PolicyStatement, PolicyValue } from '../../engine/policy/model';
import type { Fix, Severity } from '../../engine/types';
import { parseActionPattern, type IamKnowledge, type IamService } from '../../iam/knowledge';
import { closestNames, typoDistance } from './closest-names';
import { actionsForOperation } from './operation-actions';
import { expandCached, rememberedPer } from './expand-cache';
import { isUndocumentedAwsAction } from './undocumented-actions';
import { knownAction } from './known-action';

/** `0.21.202609261` → `2026-09-26`: the date of the IAM data, which users compare with an action's launch. */
function dataDate(version: string): string {
  const m = /(\d{4})(\d{2})(\d{2})\d*$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : version;
}

/** Known prefixes one or two edits away whose service defines the same action: `dynamo:GetItem` → `dynamodb:GetItem`. */
function prefixTypoFixes(iam: IamKnowledge, service: string, action: string): string[] {
  return nearPrefixes(iam, service)
    .map((c) => `${c.name}:${action}`)
    .filter((candidate) => (expandCached(iam, candidate)?.length ?? 0) > 0);
}

/**
 * Known prefixes near an unknown one, remembered per IAM knowledge and prefix: the AWS managed
 * policies name retired services (DeepLens, Mobile Hub...) hundreds of times, and each answer
 * measured the edit distance to all 400-odd prefixes. The action existing under the near prefix is
 * the evidence, so two edits are safe for longer prefixes.
 */
const nearPrefixes = rememberedPer(
  (service: string) => service,
  (iam: IamKnowledge, service) => closestNames(service, iam.servicePrefixes(), service.length >= 4 ? 2 : 1, 5),
  1000,
);

const PLACEHOLDER = /\$\{|\{\{|<[^<>]*>/;

/**
 * The service's actions nearest to a misspelled one, remembered per service and name: an open
 * policy is analyzed again on every keystroke, and each answer measures the edit distance to
 * every action of the service.
 */
const nearestActions = rememberedPer(
  (action: string) => action,
  (svc: IamService, action) => closestNames(action, svc.actions.map((a) => a.name), Math.max(typoDistance(action), Math.floor(action.length * 0.4)), 3),
  1000,
);

export const iamUnknownAction = defineRule({
  id: 'iam-unknown-action',
  meta: {
    title: 'Unknown IAM action',
    description: 'An action that no AWS service defines (a typo, an API operation name, a renamed action) or a wildcard that matches no action.',
    rationale:
      'IAM accepts any action name, so a misspelled action (`s3:GetObjet`) or an API operation name (`s3:ListObjectsV2`, `sqs:SendMessageBatch`) silently grants nothing in an Allow, ' +
      'and silently denies nothing in a Deny: the workload fails at run time, or the guardrail has a hole. The rule checks every action against the IAM service reference bundled with the extension and suggests the closest real names. ' +
      'A misspelling close to a real action, an API operation name and a wildcard that matches nothing are errors; a name with no close match is a warning, because it may be newer than the bundled data. ' +
      'An unknown service prefix is reported only when a near prefix defines the same action (`dynamo:GetItem`): retired services (DeepLens, Mobile Hub...) and services newer than the data cannot be told from each other, and AWS\'s own managed policies still name some. ' +
      'The few actions AWS grants in its own managed policies, writes in the policies it generates (`sns:Receive` in a topic\'s default access policy) or documents in a service guide (the console-only `account:PutChallengeQuestions`), although the reference lacks them, are accepted as well, and so are placeholders of example policies (`${...}`, `{{...}}`, `<action>`).',
    severity: 'error',
    service: 'iam',
    guide: 'IAM / Least Privilege',
    fix: 'unsafe',
    languages: ['json', 'typescript'],
    messages: {
      unknownAction: '"{{action}}" is not an action of {{serviceName}} in the IAM service reference (data of {{dataDate}}), so this statement matches no request with it.{{didYouMean}}',
      apiOperation: '"{{action}}" is an API operation, not an IAM action, so this statement matches no request with it. {{operation}} is authorized by {{actions}}.',
      wildcardMatchesNothing: '"{{action}}" matches no action of {{serviceName}} in the IAM service reference (data of {{dataDate}}).',
      unknownService: '"{{service}}" is not an AWS service prefix, so "{{action}}" matches nothing. Did you mean "{{suggestion}}"?',
      malformedAction: '"{{action}}" is not of the form service:action; IAM rejects the policy.',
    },
    examples: {
      invalid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["s3:GetObjet"], "Resource": "arn:aws:s3:::my-bucket/*" }]\n}\n' }],
      valid: [{ filename: 'policy.json', code: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectTagging"], "Resource": "arn:aws:s3:::my-bucket/*" }]\n}\n' }],
    },
  },
  create(ctx) {
    const date = dataDate(ctx.iam.version);

    /** Replace the item with `values`, or drop it when the list already holds them all. */
    function replacement(s: PolicyStatement, list: PolicyList, item: PolicyValue, values: string[], title: string): Fix | undefined {
      const present = new Set(list.items.map((i) => i.value?.trim().toLowerCase()));
      const missing = values.filter((v) => !present.has(v.toLowerCase()));
      const edits = missing.length ? s.editor.replaceItem(list, item, missing) : (s.editor.removeItem?.(list, item) ?? s.editor.replaceItem(list, item, values));
      return edits ? { title, kind: 'unsafe', edits } : undefined;
    }

    function check(s: PolicyStatement, list: PolicyList, element: string): void {
      for (const item of list.items) {
        const action = item.value?.trim();
        if (!action || action === '*') continue;
        // Most names are known actions: one remembered lookup, without parsing the name again.
        if (knownAction(ctx.iam, item, action)) continue;
        // `${...}`, `{{...}}` and `<...>` are template placeholders (Terraform, Serverless, policy
        // examples to fill in: `"Action": "<action>"`), not action names. Tested after the lookup:
        // a known action's name has none of those characters.
        if (PLACEHOLDER.test(action)) continue;
        const report = (messageId: 'unknownAction' | 'apiOperation' | 'wildcardMatchesNothing' | 'unknownService' | 'malformedAction', data: Record<string, string>, severity?: Severity, fix?: Fix, suggestions?: Fix[]) =>
          ctx.report({ messageId, data: { action, ...data }, severity, start: item.start, end: item.end, key: `${element}::${action}`, fix, suggestions });
        const parsed = parseActionPattern(action);
        if (!parsed) {
          report('malformedAction', {});
          continue;
        }
        const svc = ctx.iam.service(parsed.service);
        if (!svc) {
          const fixes = prefixTypoFixes(ctx.iam, parsed.service, parsed.action);
          if (fixes.length === 0) continue;
          const all = fixes.flatMap((f) => replacement(s, list, item, [f], `Replace with "${f}"`) ?? []);
          report('unknownService', { service: parsed.service, suggestion: fixes[0] }, undefined, all.length === 1 ? all[0] : undefined, all.length > 1 ? all : undefined);
          continue;
        }
        if (/[*?]/.test(parsed.action)) {
          if ((expandCached(ctx.iam, action)?.length ?? 0) === 0) report('wildcardMatchesNothing', { serviceName: svc.name, dataDate: date });
          continue;
        }
        if (svc.byLowerName.has(parsed.action.toLowerCase()) || isUndocumentedAwsAction(action)) continue;
        const authorizedBy = actionsForOperation(parsed.service, parsed.action);
        if (authorizedBy) {
          const fix = replacement(s, list, item, authorizedBy, `Replace with ${authorizedBy.map((a) => `"${a}"`).join(', ')}`);
          report('apiOperation', { operation: parsed.action, actions: authorizedBy.join(', ') }, undefined, fix);
          continue;
        }
        const typo = typoDistance(parsed.action);
        const closest = nearestActions(svc, parsed.action);
        const typos = closest.filter((c) => c.distance <= typo);
        const fixes = closest.flatMap((c) => replacement(s, list, item, [`${svc.prefix}:${c.name}`], `Replace with "${svc.prefix}:${c.name}"`) ?? []);
        const oneTypo = typos.length === 1 && fixes.length > 0;
        report(
          'unknownAction',
          { serviceName: svc.name, dataDate: date, didYouMean: typos.length ? ` Did you mean "${svc.prefix}:${typos[0].name}"?` : '' },
          // Close to a real action: a typo. Nothing close: maybe an action newer than the data.
          typos.length ? 'error' : 'warning',
          oneTypo ? fixes[0] : undefined,
          oneTypo ? undefined : fixes,
        );
      }
    }

    return {
      policyStatement(s) {
        if (s.effect !== 'Allow' && s.effect !== 'Deny') return;
        if (s.actions) check(s, s.actions, 'Action');
        if (s.notActions) check(s, s.notActions, 'NotAction');
      },
    };
  },
});
