// Presigned URLs the guide's way (ESM JavaScript): 15 minutes to download, 5 minutes to upload
// a JPEG, large files through a multipart Upload, and a secret cached between invocations.
import { createReadStream } from 'node:fs';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const s3Client = new S3Client({ endpoint: process.env.S3_ENDPOINT || undefined });
const sm = new SecretsManagerClient({});
const BUCKET = process.env.UPLOAD_BUCKET;
if (!BUCKET) throw new Error('Missing required environment variable UPLOAD_BUCKET');

let signingSecret;

async function getSigningSecret() {
  if (!signingSecret) {
    const response = await sm.send(new GetSecretValueCommand({ SecretId: 'uploads/signing' }));
    signingSecret = response.SecretString;
  }
  return signingSecret;
}

export const handler = async (event) => {
  await getSigningSecret();
  const key = `uploads/${event.userId}/${event.file}`;
  if (event.localPath) {
    const upload = new Upload({
      client: s3Client,
      params: { Bucket: BUCKET, Key: key, Body: createReadStream(event.localPath) },
      partSize: 10 * 1024 * 1024,
      leavePartsOnError: false,
    });
    await upload.done();
  }
  const downloadUrl = await getSignedUrl(s3Client, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 900 });
  const uploadUrl = await getSignedUrl(s3Client, new PutObjectCommand({ Bucket: BUCKET, Key: key, ContentType: 'image/jpeg' }), { expiresIn: 300 });
  return { downloadUrl, uploadUrl };
};
