import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/shared/route-table';
import { synthesize } from './synth';
import { resourcesOf } from './template';

/**
 * CloudFormation refuses a template with more than 500 resources, and the refusal comes at
 * deploy time in the customer's account. Each template (the root and every nested stack) is
 * held 50 below, so a change that nears the limit fails here first and is split again.
 */
const RESOURCE_CAP = 450;

/** Resources per deployed template, by stack path. */
function resourceCounts(overrides: Parameters<typeof synthesize>[0] = {}): Record<string, number> {
  const { templates } = synthesize(overrides);
  return Object.fromEntries(
    templates.map(({ path, template }) => [path, Object.keys(resourcesOf(template)).length]),
  );
}

describe('stack size', () => {
  it(`keeps every template at or below ${RESOURCE_CAP} resources (default configuration)`, () => {
    const counts = resourceCounts();
    expect(Object.keys(counts).length, 'the root and its nested stacks').toBeGreaterThan(1);
    const oversized = Object.entries(counts).filter(([, count]) => count > RESOURCE_CAP);
    expect(oversized, JSON.stringify(counts)).toEqual([]);
  });

  it(`keeps every template at or below ${RESOURCE_CAP} resources with every option on`, () => {
    const counts = resourceCounts({
      natMode: 'gateway-per-az',
      interfaceEndpoints: true,
      useRdsProxy: true,
      alarmEmail: 'ops@example.com',
      domainName: 'plume.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c',
      corsOrigins: 'https://app.example.com',
      llmProvider: 'bedrock',
    });
    const oversized = Object.entries(counts).filter(([, count]) => count > RESOURCE_CAP);
    expect(oversized, JSON.stringify(counts)).toEqual([]);
  });

  it('puts every HTTP route of the route table in the routes stack, none in the root', () => {
    const { stack, templates } = synthesize();
    const routesOf = (path: string) =>
      Object.keys(
        resourcesOf(templates.find((t) => t.path === path)!.template, 'AWS::ApiGatewayV2::Route'),
      ).length;
    expect(routesOf(stack.httpApi.routesStack.node.path)).toBe(ROUTES.length);
    // The root keeps only the WebSocket API's routes ($connect, $disconnect, $default).
    expect(routesOf(stack.node.path)).toBe(3);
  });
});
