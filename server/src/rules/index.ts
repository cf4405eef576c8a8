// The one registry. Docs, the settings schema, the README table and SARIF descriptors derive
// from it. Each rule is imported by name and listed once.
import type { RuleDefinition } from '../engine/rule';
import { iamHardcodedCredentials } from './iam/iam-hardcoded-credentials';
import { iamNotActionAllow } from './iam/iam-not-action-allow';
import { iamPublicPrincipal } from './iam/iam-public-principal';
import { iamTrustMissingExternalId } from './iam/iam-trust-missing-external-id';
import { iamUnknownAction } from './iam/iam-unknown-action';
import { iamWildcardAction } from './iam/iam-wildcard-action';
import { iamWildcardResource } from './iam/iam-wildcard-resource';

export const allRules: readonly RuleDefinition[] = [
  iamWildcardAction,
  iamWildcardResource,
  iamNotActionAllow,
  iamUnknownAction,
  iamPublicPrincipal,
  iamTrustMissingExternalId,
  iamHardcodedCredentials,
];

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(allRules.map((r) => [r.id, r]));
