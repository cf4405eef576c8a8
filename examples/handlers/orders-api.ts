// API Gateway handler for the orders API. Written the way many handlers start out: it works,
// but it rebuilds its client on every request, reads its configuration per request, scans the
// table, checks errors the SDK v2 way and returns internal error details to callers.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const tableName = process.env.ORDERS_TABLE!;

  try {
    const id = event.pathParameters?.id;
    if (!id) {
      const all = await ddb.send(new ScanCommand({ TableName: tableName }));
      return { statusCode: 200, body: JSON.stringify(all.Items ?? []) };
    }
    const result = await ddb.send(new GetCommand({ TableName: tableName, Key: { PK: `ORDER#${id}`, SK: 'DETAILS' } }));
    return { statusCode: 200, body: JSON.stringify(result.Item ?? null) };
  } catch (err: any) {
    if (err.code === 'ResourceNotFoundException') {
      return { statusCode: 404, body: JSON.stringify({ message: 'Unknown table' }) };
    }
    return { statusCode: 500, body: JSON.stringify({ message: 'Failed to load order', error: err.message }) };
  }
};
