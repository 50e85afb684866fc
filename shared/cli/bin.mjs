#!/usr/bin/env node
// The `upstream` command. The product is TypeScript run by tsx, as everywhere else in the repository.
import { register } from 'tsx/esm/api';

// The SDK's notice that its 2027 releases need Node.js 22 is known and not the user's concern here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('./upstream.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
