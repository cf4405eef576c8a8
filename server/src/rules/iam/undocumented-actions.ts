// Actions that AWS grants in its own managed policies but that the IAM service reference (our
// bundled data) does not define. A user who copies them from AWS's policy should not be told
// that AWS's action does not exist, so iam-unknown-action stays silent on exactly these names.
// Each group names the managed policy that grants them and what we found; a test checks that
// every entry is still missing from the bundled data (delete it once the data learns it) and is
// still granted by an AWS managed policy (delete it once AWS drops it).

export const UNDOCUMENTED_ACTIONS: readonly { reason: string; policy: string; actions: readonly string[] }[] = [
  {
    reason: 'Names from the service preview; the reference lists the renamed GA actions (agent spaces, pentest jobs).',
    policy: 'SecurityAgentWebAppAPIPolicy',
    actions: [
      'securityagent:BatchGetAgentInstances',
      'securityagent:BatchGetSecurityTestContentMetadata',
      'securityagent:BatchGetTasks',
      'securityagent:CreateDocumentReview',
      'securityagent:DeleteDocumentReview',
      'securityagent:GetCodeReviewTask',
      'securityagent:GetDocReviewTask',
      'securityagent:GetDocumentReview',
      'securityagent:GetDocumentReviewArtifact',
      'securityagent:ListAgentInstances',
      'securityagent:ListControls',
      'securityagent:ListDocumentReviewComments',
      'securityagent:ListDocumentReviews',
      'securityagent:ListTasks',
      'securityagent:StartPentestExecution',
      'securityagent:StopPentestExecution',
    ],
  },
  {
    reason: 'Granted by a policy created in July 2026 for AWS managed settings; not (yet) in the reference.',
    policy: 'AWSManagedSettingsAdminAccess',
    actions: [
      'budgets:CreateBudget',
      'budgets:DeleteBudget',
      'budgets:DescribeBudget',
      'budgets:DescribeBudgets',
      'budgets:UpdateBudget',
      'organizations:CreateBuilderIdOwnedAccount',
      'payments:AcceptTermsAndConditionsForProgramByAccountId',
      'payments:BatchGetPaymentProfiles',
      'payments:CreatePaymentAttempt',
      'payments:CreatePaymentProfile',
      'payments:Get',
      'payments:GetAcceptedTermsAndConditionsForProgramByAccountId',
      'payments:GetAccountBalance',
      'payments:GetDefaultPaymentProfile',
      'payments:GetEligibleCurrencies',
      'payments:GetPaymentAttempt',
      'payments:GetPaymentPreferences',
      'payments:GetPreferredCurrency',
      'payments:GetRecommendedTermsAndConditionsForProgram',
      'payments:ListPaymentProfiles',
      'payments:SearchFinancialRecords',
      'payments:SetPreferredCurrency',
      'payments:UpdatePaymentProfile',
    ],
  },
  {
    reason: 'CloudHSM Classic (HAPG, Luna clients), retired; the reference only lists current CloudHSM.',
    policy: 'RDSCloudHsmAuthorizationRole',
    actions: [
      'cloudhsm:CreateLunaClient',
      'cloudhsm:DeleteLunaClient',
      'cloudhsm:DescribeHapg',
      'cloudhsm:DescribeLunaClient',
      'cloudhsm:GetConfig',
      'cloudhsm:ModifyHapg',
      'cloudhsm:ModifyLunaClient',
    ],
  },
  { reason: 'Console-only action, not in the reference.', policy: 'AWSCodeStarFullAccess', actions: ['cloud9:ValidateEnvironmentName'] },
  {
    reason: 'Not in the reference (the reference has qapps:ImportDocument).',
    policy: 'AWSIAMIdentityCenterAllowListForIdentityContext',
    actions: ['qapps:ImportDocumentToQApp', 'qapps:ImportDocumentToQAppSession'],
  },
  {
    reason: 'Not in the reference.',
    policy: 'AmazonRoute53RecoveryControlConfigReadOnlyAccess',
    actions: ['route53-recovery-control-config:DescribeRoutingControlByName'],
  },
  { reason: 'Service-linked role action, not in the reference.', policy: 'MemoryDBServiceRolePolicy', actions: ['memorydb:ReplicateMultiRegionClusterData'] },
];

// Actions in the resource policies AWS writes itself, which users copy into their files. Each
// source is described; a test checks every entry is still missing from the bundled data.
export const DEFAULT_POLICY_ACTIONS: readonly { reason: string; source: string; actions: readonly string[] }[] = [
  {
    reason: 'A legacy name the reference does not list, kept in the policy SNS gives every new topic.',
    source: 'the default access policy of an SNS topic (Id "__default_policy_ID")',
    actions: ['sns:Receive'],
  },
];

// Actions a service's own guide documents but the IAM service reference does not list (console-only
// permissions, mostly). Each group cites the page; a test checks every entry is still missing from
// the bundled data.
export const GUIDE_DOCUMENTED_ACTIONS: readonly { reason: string; source: string; actions: readonly string[] }[] = [
  {
    reason: 'A console-only permission of the Account page ("No API access is available for this permission"); AWS\'s own SCP examples deny it.',
    source: 'AWS Billing User Guide, "Using fine-grained actions" permissions table (awsaccountbilling/latest/aboutv2)',
    actions: ['account:PutChallengeQuestions'],
  },
];

const LOWER = new Set([...UNDOCUMENTED_ACTIONS, ...DEFAULT_POLICY_ACTIONS, ...GUIDE_DOCUMENTED_ACTIONS].flatMap((g) => g.actions.map((a) => a.toLowerCase())));

export function isUndocumentedAwsAction(action: string): boolean {
  return LOWER.has(action.toLowerCase());
}
