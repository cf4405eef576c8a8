// Where each rule's page lives. `docs/rules/<rule-id>.md` is generated from rule metadata; the
// editor links it from every diagnostic (`codeDescription`) and the CLI from SARIF (`helpUri`).
export const RULE_DOCS_BASE_URL = 'https://github.com/aws-patterns/aws-patterns/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
