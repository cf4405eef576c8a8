// Which conditions really narrow *who* can use a statement whose principal is everyone. A key
// only restricts when its operator requires a match: `...IfExists` passes when the key is absent
// (a direct call carries no aws:SourceArn), `Not` operators admit everyone else, `Null` only asks
// that some value exist, and `*` or 0.0.0.0/0 admit everyone. aws:SecureTransport, aws:UserAgent,
// aws:Referer and principal tags say nothing about who calls (or are set by the caller).
import type { ConditionEntry, PolicyCondition } from '../../engine/policy/model';

const WHO_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:userid',
    'aws:username',
    'aws:SourceVpce',
    'aws:SourceVpc',
    'aws:SourceIp',
    'aws:VpcSourceIp',
    // AWS's own key-policy pattern for services acting for one account (EBS, Secrets Manager...).
    'kms:CallerAccount',
  ].map((k) => k.toLowerCase()),
);

const ANYONE_VALUES = /^(\*+|0\.0\.0\.0\/0|::\/0)$/;

/** `arn:aws:sns:*:*:*`, `arn:aws:s3:::*`: any resource of any account, so anyone can arrange a match. */
function anyArn(value: string): boolean {
  const parts = value.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return false;
  const account = parts[4];
  const resource = parts.slice(5).join(':');
  return (account === '' || /^[*?]+$/.test(account)) && /^[*?/]+$/.test(resource);
}

function operatorRequiresMatch(operator: string): boolean {
  const op = operator.replace(/^(ForAnyValue|ForAllValues):/i, '');
  return !/IfExists$/i.test(op) && !/Not/.test(op) && !/^Null$/i.test(op);
}

export function restrictsWho(entry: ConditionEntry): boolean {
  if (!WHO_KEYS.has(entry.key.toLowerCase()) || !operatorRequiresMatch(entry.operator)) return false;
  // A value we cannot read (an intrinsic function) is presumed to restrict: unknown stays silent.
  return entry.values.length > 0 && entry.values.every((v) => v === undefined || !(ANYONE_VALUES.test(v.trim()) || anyArn(v.trim())));
}

/** True when the condition restricts the caller, or cannot be read (and so might). */
export function conditionRestrictsWho(condition: PolicyCondition | undefined): boolean {
  if (!condition) return false;
  return condition.incomplete || condition.entries.some(restrictsWho);
}

/** A condition key used with an operator that requires it to be present and to match. */
export function requiresKey(condition: PolicyCondition | undefined, key: string): boolean {
  const k = key.toLowerCase();
  return !!condition?.entries.some((e) => e.key.toLowerCase() === k && operatorRequiresMatch(e.operator));
}

/**
 * In a Deny statement, a condition entry that denies everyone outside a set of callers
 * (`NotIpAddress` on aws:SourceIp, `StringNotEquals` on aws:PrincipalOrgID or aws:SourceVpce...):
 * the Allow it accompanies then reaches only that set. `...IfExists` still denies a request without
 * the key; a set operator (`ForAnyValue:`) or a value that names everyone does not restrict.
 */
export function denyRestrictsWho(entry: ConditionEntry): boolean {
  if (!WHO_KEYS.has(entry.key.toLowerCase()) || !/^(String|Arn|Ip|Numeric)?Not/i.test(entry.operator.replace(/^Ip/i, ''))) return false;
  if (/^For(Any|All)Value:/i.test(entry.operator)) return false;
  // A value we cannot read is presumed to restrict, as for an Allow's condition.
  return entry.values.length > 0 && entry.values.every((v) => v === undefined || !(ANYONE_VALUES.test(v.trim()) || anyArn(v.trim())));
}
