#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { ApiStack } from '../lib/api-stack';
import { StorageStack } from '../lib/storage-stack';

const app = new App();
const stage = app.node.tryGetContext('stage') ?? 'dev';
const storage = new StorageStack(app, `Orders-${stage}-Storage`, { stage });
new ApiStack(app, `Orders-${stage}-Api`, { stage, ordersTable: storage.ordersTable, uploads: storage.uploads });
