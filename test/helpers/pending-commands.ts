// Commands the walkthrough and the README already name, which another branch contributes:
// `awsPatterns.auditWorkspace` comes with the workspace audit (issue 6). test/manifest.test.ts
// fails once such a command is contributed, so this list empties as the work lands.
export const PENDING_COMMANDS: Readonly<Record<string, string>> = {
  'awsPatterns.auditWorkspace': 'Audit Workspace',
};
