// Legacy CommonJS handler on SDK v2: loads the mailing API key from Secrets Manager on every
// run, then queues one message per subscriber.
const AWS = require('aws-sdk');

exports.handler = async (event) => {
  const sqs = new AWS.SQS();
  const secrets = new AWS.SecretsManager();
  const { SecretString } = await secrets.getSecretValue({ SecretId: 'mailing/api-key' }).promise();

  for (const subscriber of event.subscribers) {
    await sqs
      .sendMessage({
        QueueUrl: process.env.NOTIFY_QUEUE_URL,
        MessageBody: JSON.stringify({ to: subscriber.email, key: SecretString.slice(0, 4) }),
      })
      .promise();
  }
  return { queued: event.subscribers.length };
};
