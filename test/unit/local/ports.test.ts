import { describe, expect, it } from 'vitest';
import { checkPortBase, nextUsableBase, portProblem } from '../../../infra/local/ports.ts';

describe('local cloud ports', () => {
  it('refuses the ports fetch refuses, privileged ports and non-ports, and accepts 0 (any free port)', () => {
    expect(portProblem(6000)).toMatch(/bad port/);
    expect(portProblem(10080)).toMatch(/bad port/);
    expect(portProblem(80)).toMatch(/1024 to 65535/);
    expect(portProblem(70000)).toMatch(/1024 to 65535/);
    expect(portProblem(Number.NaN)).toMatch(/1024 to 65535/);
    expect(portProblem(3000)).toBeUndefined();
    expect(portProblem(0)).toBeUndefined();
  });

  it('names each unusable port of a base and a base to use instead', () => {
    const message = checkPortBase(5998);
    expect(message).toContain('port 6000 is one that browsers and Node.js refuse');
    expect(message).toContain('Use UPSTREAM_PORT_BASE=6001 instead.');
    expect(checkPortBase(6665)).toContain('Use UPSTREAM_PORT_BASE=6670 instead.');
    expect(checkPortBase(3000)).toBeUndefined();
  });

  it('finds the next base whose five ports are all usable', () => {
    expect(nextUsableBase(5996)).toBe(6001);
    expect(nextUsableBase(6001)).toBe(6001);
    expect(nextUsableBase(6677)).toBe(6680);
  });
});
