// SQS consumer: forwards order events to the fulfilment FIFO queue in batches. One bad record
// fails (and retries) the whole batch, the FIFO sends carry no message group, and the batches
// are larger than SQS accepts.
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';

const sqs = new SQSClient({});
const FULFILMENT_QUEUE = 'https://sqs.eu-west-1.amazonaws.com/123456789012/fulfilment.fifo';
const BATCH_SIZE = 25;

export const handler = async (event: SQSEvent) => {
  const entries = [];
  for (const record of event.Records) {
    const order = JSON.parse(record.body);
    entries.push({ Id: record.messageId, MessageBody: JSON.stringify({ orderId: order.id, items: order.items }) });
  }
  for (let i = 0; i < entries.length; i += BATCH_SIZE) {
    await sqs.send(new SendMessageBatchCommand({
      QueueUrl: FULFILMENT_QUEUE,
      Entries: entries.slice(i, i + BATCH_SIZE).map((e) => ({ Id: e.Id, MessageBody: e.MessageBody })),
    }));
  }
};
