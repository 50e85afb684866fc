// Secondary adapter: random link tokens (32 bytes from the operating system's generator, base64url).
import { randomBytes } from 'node:crypto';

export const newLinkToken = (): string => randomBytes(32).toString('base64url');
