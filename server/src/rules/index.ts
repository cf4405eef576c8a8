// The one registry. Docs, the settings schema, the README table and SARIF descriptors derive
// from it. Each rule is imported by name and listed once.
import type { RuleDefinition } from '../engine/rule';
import { iamWildcardAction } from './iam/iam-wildcard-action';

export const allRules: readonly RuleDefinition[] = [iamWildcardAction];

export const rulesById: ReadonlyMap<string, RuleDefinition> = new Map(allRules.map((r) => [r.id, r]));
