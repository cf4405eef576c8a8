// A short, editable starting list of actions per service for the "placeholder" quick fix, taken
// from the guide where it gives one. Services not listed get their first read and write action.
import type { IamKnowledge } from '../../iam/knowledge';

const STARTERS: Record<string, string[]> = {
  s3: ['s3:GetObject', 's3:PutObject'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
  sqs: ['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'],
  sns: ['sns:Publish'],
  lambda: ['lambda:InvokeFunction'],
  logs: ['logs:CreateLogStream', 'logs:PutLogEvents'],
  kms: ['kms:Decrypt'],
  secretsmanager: ['secretsmanager:GetSecretValue'],
  ssm: ['ssm:GetParameter'],
  events: ['events:PutEvents'],
  states: ['states:StartExecution'],
};

export function starterActions(iam: IamKnowledge, service: string): string[] {
  const known = STARTERS[service];
  if (known) return known;
  const svc = iam.service(service);
  if (!svc) return [];
  const read = svc.actions.find((a) => a.accessLevel === 'Read');
  const write = svc.actions.find((a) => a.accessLevel === 'Write');
  return [read, write].flatMap((a) => (a ? [a.fullName] : []));
}
