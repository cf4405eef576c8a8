// The guide's consumer and producer patterns: per-record failures are returned so only they are
// retried, FIFO messages carry a group, and batches hold at most 10 entries.
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';

const sqs = new SQSClient({});
const FULFILMENT_QUEUE = process.env.FULFILMENT_QUEUE_URL;
if (!FULFILMENT_QUEUE) {
  throw new Error('Missing required environment variable FULFILMENT_QUEUE_URL');
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const failures: SQSBatchItemFailure[] = [];
  const entries = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      entries.push({ Id: record.messageId, MessageBody: JSON.stringify(order), MessageGroupId: order.customerId, MessageDeduplicationId: order.id });
    } catch (error) {
      console.error(`Failed: ${record.messageId}`, error);
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  for (let i = 0; i < entries.length; i += 10) {
    await sqs.send(new SendMessageBatchCommand({ QueueUrl: FULFILMENT_QUEUE, Entries: entries.slice(i, i + 10) }));
  }
  return { batchItemFailures: failures };
};
