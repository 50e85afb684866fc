// Local cloud: runs one Lambda function's bundled handler inside a worker thread, so each function keeps
// its own environment variables and module state, as it would in its own Lambda execution environment.

import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { entryFile, exportName, functionName, memoryMb, timeoutSeconds, region, accountId } = workerData;
const module = await import(pathToFileURL(entryFile).href);
const handler = module[exportName];
if (typeof handler !== 'function')
  throw new Error(`${entryFile} does not export a function named ${exportName}`);

parentPort.on('message', async ({ invocationId, event, requestId, deadline }) => {
  const context = {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/${requestId}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
  try {
    const result = await handler(event, context);
    parentPort.postMessage({ invocationId, result });
  } catch (error) {
    parentPort.postMessage({
      invocationId,
      error: {
        errorType: error?.name ?? 'Error',
        errorMessage: error?.message ?? String(error),
        stack: error?.stack,
      },
    });
  }
});
parentPort.postMessage({ ready: true, timeoutSeconds });
