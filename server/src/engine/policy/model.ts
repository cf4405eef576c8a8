// The normalized IAM statement model. JSON policy files, CloudFormation templates and the
// TypeScript front end (PolicyStatement, PolicyDocument.fromJson, inline policy literals) all
// produce these, so each IAM rule is written once. Every value keeps its source range.
import type { IamAction } from '../../iam/knowledge';
import type { TextEdit } from '../types';

/** One string of a list (an action, a resource, a principal). `value` undefined = not resolvable. */
export interface PolicyValue {
  value: string | undefined;
  start: number;
  end: number;
  /**
   * The IAM action an action item names, once a rule has looked it up (`knownAction`), for the
   * other rules of the same statement; `null`: none. Unset until then.
   */
  known?: IamAction | null;
}

export interface PolicyList {
  items: PolicyValue[];
  /** Values may exist that we could not see (spread, unresolved variable, intrinsic function). */
  incomplete: boolean;
  /** True when the source wrote an array (TS `actions` is always one). */
  isArray: boolean;
  /** Range of the whole value, and of its property key (the key is where NotAction is reported). */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

export type PrincipalType = '*' | 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface PrincipalEntry extends PolicyValue {
  type: PrincipalType;
}

export interface PolicyPrincipal {
  entries: PrincipalEntry[];
  incomplete: boolean;
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

export interface ConditionEntry {
  operator: string;
  key: string;
  values: (string | undefined)[];
}

export interface PolicyCondition {
  entries: ConditionEntry[];
  incomplete: boolean;
  start: number;
  end: number;
}

/** Where the statement lives: an identity policy, a role's trust policy, or a resource policy. */
export type PolicyKind = 'identity' | 'trust' | 'resource';

export interface StatementEditor {
  /** Replace one item of a list with several values, keeping the list's form (an array stays an array). */
  replaceItem(list: PolicyList, item: PolicyValue, values: string[]): TextEdit[] | undefined;
  /** Add `operator: { key: value }` to the statement's condition, creating what is missing. */
  addCondition(operator: string, key: string, value: string): TextEdit[] | undefined;
  /** Remove one item of an array list (with its separator); undefined when the list is not an array of several. */
  removeItem?(list: PolicyList, item: PolicyValue): TextEdit[] | undefined;
}

export interface PolicyStatement {
  kind: PolicyKind;
  origin: 'json' | 'typescript';
  /** `undefined` when the effect cannot be resolved (rules stay silent). */
  effect: 'Allow' | 'Deny' | undefined;
  sid?: string;
  actions?: PolicyList;
  notActions?: PolicyList;
  resources?: PolicyList;
  notResources?: PolicyList;
  principal?: PolicyPrincipal;
  notPrincipal?: PolicyPrincipal;
  condition?: PolicyCondition;
  /**
   * The policy of a VPC endpoint: it limits what may pass through the endpoint, and callers still
   * need their own IAM permissions, so `Principal: "*"` there is the norm, not public access.
   */
  vpcEndpoint?: boolean;
  /**
   * The statements of the same document, this one included, when they are written as one list
   * (a JSON `Statement` array, CDK `statements: [new PolicyStatement(...), ...]`): a Deny there can
   * take back part of what an Allow grants. Undefined when the statement stands alone.
   */
  siblings?: PolicyStatement[];
  /** The statement's own range (the object literal or the `new PolicyStatement(...)`). */
  start: number;
  end: number;
  editor: StatementEditor;
}

const TRUST_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*)$/i;

export function isTrustAction(action: string | undefined): boolean {
  return action !== undefined && TRUST_ACTIONS.test(action);
}

/** A document with principals is a trust policy when it grants sts:AssumeRole*, else a resource policy. */
export function kindOfStatements(hasPrincipal: boolean, actions: (string | undefined)[]): PolicyKind {
  if (!hasPrincipal) return 'identity';
  return actions.some(isTrustAction) ? 'trust' : 'resource';
}

export function listValues(list: PolicyList | undefined): string[] {
  return (list?.items ?? []).flatMap((i) => (i.value === undefined ? [] : [i.value]));
}

export function hasConditionKey(condition: PolicyCondition | undefined, key: string): boolean {
  const k = key.toLowerCase();
  return !!condition?.entries.some((e) => e.key.toLowerCase() === k);
}
