import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PORT_SWITCHES, portDefines } from '../../lib/bundled-ports';
import { fromRoot } from '../../lib/paths';

describe('portDefines', () => {
  it('switches off every port the function is not granted, and no other', () => {
    const defines = portDefines({ database: true, capabilities: ['media', 'platform-apps'] });
    expect(defines['process.env.PLUME_WIRE_MEDIA']).toBeUndefined();
    expect(defines['process.env.PLUME_WIRE_DATABASE']).toBeUndefined();
    expect(defines['process.env.PLUME_WIRE_LLM']).toBe('"off"');
    expect(Object.keys(defines)).toHaveLength(Object.keys(PORT_SWITCHES).length - 2);
  });

  it('switches off the database outside the VPC', () => {
    expect(portDefines({ database: false, capabilities: [] })['process.env.PLUME_WIRE_DATABASE']).toBe('"off"');
  });

  it('names exactly the switches the AWS container tests (a misspelt one would keep the SDK in)', () => {
    const container = readFileSync(fromRoot('functions/adapters/aws/index.ts'), 'utf8');
    const tested = new Set([...container.matchAll(/process\.env\.(PLUME_WIRE_[A-Z_]+)/g)].map((m) => m[1]));
    expect([...tested].sort()).toEqual(Object.values(PORT_SWITCHES).sort());
  });
});
