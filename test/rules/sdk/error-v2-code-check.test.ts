import { errorV2CodeCheck } from '../../../server/src/rules/sdk/error-v2-code-check';
import { ruleTester } from '../../helpers/rule-tester';
import { handlerDecoys } from '../handler-decoys';

const HEAD = "import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';\n\nconst s3 = new S3Client({});\n";

ruleTester(errorV2CodeCheck, {
  valid: [
    ...handlerDecoys,
    { name: 'the guide: instanceof and .name', filename: 'r.ts', code: `${HEAD}import { S3ServiceException } from '@aws-sdk/client-s3';\nexport async function read(Key: string) {\n  try {\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key }));\n  } catch (error) {\n    if (error instanceof S3ServiceException && error.name === 'NoSuchKey') return null;\n    throw error;\n  }\n}\n` },
    { name: 'SDK v2 errors do carry .code', filename: 'r.js', code: "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\nexports.read = async (Key) => {\n  try {\n    return await s3.getObject({ Bucket: 'b', Key }).promise();\n  } catch (err) {\n    if (err.code === 'NoSuchKey') return null;\n    throw err;\n  }\n};\n" },
    { name: 'Node system errors (ENOENT) after a v3 call', filename: 'r.ts', code: `${HEAD}import { readFile } from 'fs/promises';\nexport async function read(path: string) {\n  try {\n    const local = await readFile(path);\n    await s3.send(new GetObjectCommand({ Bucket: 'b', Key: path }));\n    return local;\n  } catch (err: any) {\n    if (err.code === 'ENOENT') return null;\n    throw err;\n  }\n}\n` },
    { name: 'v2 and v3 in the same try: the error may be either', filename: 'r.ts', code: `${HEAD}import AWS from 'aws-sdk';\nconst legacy = new AWS.S3();\nexport async function read(Key: string) {\n  try {\n    await legacy.headObject({ Bucket: 'b', Key }).promise();\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key }));\n  } catch (err: any) {\n    if (err.code === 'NotFound') return null;\n    throw err;\n  }\n}\n` },
    { name: 'no AWS call in the try block', filename: 'r.ts', code: `${HEAD}export async function read() {\n  try {\n    return await fetch('https://example.com');\n  } catch (err: any) {\n    if (err.code === 'NoSuchKey') return null;\n  }\n}\n` },
    { name: 'a .code read that is not compared', filename: 'r.ts', code: `${HEAD}export async function read(Key: string) {\n  try {\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key }));\n  } catch (err: any) {\n    console.log(err.code);\n  }\n}\n` },
  ],
  invalid: [
    {
      name: "err.code === 'NoSuchKey' after a v3 send",
      filename: 'r.ts',
      code: `${HEAD}\nexport async function read(Key: string) {\n  try {\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key }));\n  } catch (err: any) {\n    if (err.code === 'NoSuchKey') return null;\n    throw err;\n  }\n}\n`,
      errors: [{ messageId: 'codeCheck', line: 9, column: 13, endColumn: 17, data: { error: 'err', value: 'NoSuchKey' } }],
      output: `${HEAD}\nexport async function read(Key: string) {\n  try {\n    return await s3.send(new GetObjectCommand({ Bucket: 'b', Key }));\n  } catch (err: any) {\n    if (err.name === 'NoSuchKey') return null;\n    throw err;\n  }\n}\n`,
    },
    {
      name: 'switch on error.code, (error as any).code, through a same-file helper',
      filename: 'r.ts',
      code: "import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDBClient({});\nconst put = (item: any) => ddb.send(new PutItemCommand({ TableName: 't', Item: item }));\nexport async function save(item: any) {\n  try {\n    await put(item);\n  } catch (error) {\n    switch ((error as any).code) {\n      case 'ConditionalCheckFailedException':\n        return false;\n    }\n    throw error;\n  }\n}\n",
      errors: [{ messageId: 'codeCheck', line: 8, data: { value: 'ConditionalCheckFailedException' } }],
      output: "import { ConditionalCheckFailedException, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDBClient({});\nconst put = (item: any) => ddb.send(new PutItemCommand({ TableName: 't', Item: item }));\nexport async function save(item: any) {\n  try {\n    await put(item);\n  } catch (error) {\n    switch ((error as any).name) {\n      case 'ConditionalCheckFailedException':\n        return false;\n    }\n    throw error;\n  }\n}\n",
    },
    {
      name: ".catch() on a v3 promise, element access err['code'], aggregated client",
      filename: 'r.ts',
      code: "import { DynamoDB } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDB({});\nexport const get = (Key: any) => ddb.getItem({ TableName: 't', Key }).catch((e) => (e['code'] !== 'ResourceNotFoundException' ? Promise.reject(e) : null));\n",
      errors: [{ messageId: 'codeCheck', line: 3 }],
      output: "import { DynamoDB } from '@aws-sdk/client-dynamodb';\nconst ddb = new DynamoDB({});\nexport const get = (Key: any) => ddb.getItem({ TableName: 't', Key }).catch((e) => (e['name'] !== 'ResourceNotFoundException' ? Promise.reject(e) : null));\n",
    },
    {
      name: 'a list of AWS names with includes',
      filename: 'r.ts',
      code: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\nconst RETRYABLE = ['ThrottlingException', 'RequestThrottled'];\nexport async function send(url: string) {\n  try {\n    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));\n  } catch (e: any) {\n    if (RETRYABLE.includes(e.code)) return send(url);\n  }\n}\n",
      errors: [{ messageId: 'codeCheck', line: 8, data: { value: 'ThrottlingException' } }],
      output: "import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';\nconst sqs = new SQSClient({});\nconst RETRYABLE = ['ThrottlingException', 'RequestThrottled'];\nexport async function send(url: string) {\n  try {\n    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));\n  } catch (e: any) {\n    if (RETRYABLE.includes(e.name)) return send(url);\n  }\n}\n",
    },
  ],
});
