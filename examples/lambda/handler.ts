import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  try {
    const order = JSON.parse(event.body ?? '{}');
    await client.send(new PutCommand({ TableName: process.env.TABLE_NAME!, Item: order }));
    return { statusCode: 201, body: JSON.stringify({ id: order.id }) };
  } catch (error) {
    return { statusCode: 500, body: JSON.stringify({ message: (error as Error).message }) };
  }
};
