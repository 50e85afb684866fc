// Synthesizes the CDK app once before the end-to-end files start their local clouds from it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAssembly } from '../../infra/local/assembly.ts';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  ensureAssembly(root, path.join(root, 'cdk.out'), () => {});
}
