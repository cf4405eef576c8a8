// The guide's handler pattern: client and configuration at module scope (checked at cold
// start), a Query by key, v3 error names, and a generic 500 with the error logged.
import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE_NAME = process.env.ORDERS_TABLE;
if (!TABLE_NAME) {
  throw new Error('Missing required environment variable ORDERS_TABLE');
}

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const userId = event.pathParameters?.userId;
  if (!userId) return { statusCode: 400, body: JSON.stringify({ message: 'userId is required' }) };
  try {
    const result = await ddb.send(new QueryCommand({
      TableName: TABLE_NAME,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':sk': 'ORDER#' },
      ScanIndexForward: false,
      Limit: 10,
    }));
    return { statusCode: 200, body: JSON.stringify(result.Items ?? []) };
  } catch (error) {
    if (error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException') {
      console.error('Orders table missing', error);
    }
    console.error('Handler error:', error);
    return { statusCode: 500, body: JSON.stringify({ error: 'Internal error' }) };
  }
};
