// Hands out presigned S3 URLs to the web client: a download link valid for a week and an
// upload link that accepts any file type.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const s3 = new S3Client({});
const BUCKET = process.env.UPLOAD_BUCKET;
if (!BUCKET) {
  throw new Error('Missing required environment variable UPLOAD_BUCKET');
}

const ONE_WEEK = 7 * 24 * 60 * 60;

export const handler = async (event: APIGatewayProxyEventV2) => {
  const userId = event.requestContext.authorizer?.jwt?.claims?.sub as string;
  const file = event.queryStringParameters?.file ?? 'upload.bin';
  const key = `uploads/${userId}/${file}`;

  const downloadUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: ONE_WEEK });
  const uploadUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 3600 * 4 });

  return { statusCode: 200, body: JSON.stringify({ downloadUrl, uploadUrl }) };
};
