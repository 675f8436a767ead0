import { Stack, type CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  Metadata?: Record<string, unknown>;
}

export function resourcesOf(template: Template, type?: string): Record<string, CfnResource> {
  const all = (template.toJSON() as { Resources: Record<string, CfnResource> }).Resources;
  if (!type) return all;
  return Object.fromEntries(Object.entries(all).filter(([, r]) => r.Type === type));
}

/** The logical id of a construct's CloudFormation resource (its default child). */
export function logicalIdOf(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

/** Every logical id a value refers to through Ref, Fn::GetAtt or Fn::Sub `${Id}` / `${Id.Attr}`. */
export function referencesIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') into.add(inner);
      else if (key === 'Fn::GetAtt' && Array.isArray(inner)) into.add(String(inner[0]));
      else if (key === 'Fn::Sub') {
        const text = Array.isArray(inner) ? String(inner[0]) : String(inner);
        for (const match of text.matchAll(/\$\{([A-Za-z0-9]+)(\.[A-Za-z0-9.]+)?\}/g))
          into.add(match[1] ?? '');
        if (Array.isArray(inner)) referencesIn(inner[1], into);
      } else referencesIn(inner, into);
    }
  }
  return into;
}

/** A dependency cycle CloudFormation would reject (Ref/GetAtt/Sub/DependsOn), or undefined. */
export function findDependencyCycle(resources: Record<string, CfnResource>): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(resources)) {
    const deps = referencesIn(resource.Properties);
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    for (const dep of dependsOn) deps.add(dep);
    edges.set(
      id,
      [...deps].filter((dep) => dep in resources),
    );
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of edges.get(id) ?? []) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of edges.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

/** The IAM policy statements attached (inline or default policy) to a role, by role logical id. */
export function statementsOfRole(
  resources: Record<string, CfnResource>,
  roleLogicalId: string,
): Array<Record<string, unknown>> {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((r) => referencesIn(r.Properties?.Roles).has(roleLogicalId))
    .flatMap(
      (r) => (r.Properties?.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement,
    );
}

export const actionsOf = (statement: Record<string, unknown>): string[] =>
  [statement.Action].flat() as string[];
