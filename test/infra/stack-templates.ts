import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** One template CloudFormation deploys on its own: the root stack's or a nested stack's. */
export interface StackTemplate {
  /** The construct path of the stack, e.g. `Plume` or `Plume/HttpApi/Routes`. */
  path: string;
  template: Template;
}

interface TemplateJson {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
  Outputs?: Record<string, { Value: unknown }>;
  [section: string]: unknown;
}

/** The root stack's template and every nested stack's below it, parents before children. */
export function stackTemplates(root: Stack): StackTemplate[] {
  const nested = root.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
  return [root, ...nested].map((stack) => ({ path: stack.node.path, template: Template.fromStack(stack) }));
}

/** Replaces every `{ Ref: name }` whose name is in `values` by that value, everywhere in `value`. */
function substituteRefs(value: unknown, values: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => substituteRefs(item, values));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'Ref' && typeof entries[0]![1] === 'string') {
    const name = entries[0]![1];
    if (name in values) return values[name];
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, substituteRefs(inner, values)]));
}

/** Replaces `Fn::GetAtt [<stackResource>, Outputs.<name>]` by the nested stack's output value. */
function substituteOutputs(value: unknown, stackResource: string, outputs: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => substituteOutputs(item, stackResource, outputs));
  if (!value || typeof value !== 'object') return value;
  const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt[0] === stackResource && String(getAtt[1]).startsWith('Outputs.')) {
    const name = String(getAtt[1]).slice('Outputs.'.length);
    if (!(name in outputs)) throw new Error(`${stackResource} has no output ${name}`);
    return outputs[name];
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, substituteOutputs(inner, stackResource, outputs)]),
  );
}

/**
 * The root template with every nested stack's resources merged in, as if it were one stack:
 * a nested template's parameters are replaced by the values its parent passes, and the
 * parent's reads of a nested output by that output's value. So tests that follow references
 * (this route's integration targets that Lambda) see through the stack boundaries. It is a
 * view for assertions only; what CloudFormation receives is `stackTemplates`.
 */
export function mergedTemplate(root: Stack): Template {
  const merged = structuredClone(Template.fromStack(root).toJSON()) as TemplateJson;
  const nested = root.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack);
  for (const stack of nested) {
    const parent = stack.nestedStackParent;
    if (!parent) continue;
    const stackResource = parent.getLogicalId(stack.nestedStackResource!);
    const resource = merged.Resources[stackResource];
    if (!resource) throw new Error(`No nested stack resource ${stackResource} for ${stack.node.path}`);
    const parameters = (resource.Properties?.Parameters ?? {}) as Record<string, unknown>;
    const json = substituteRefs(Template.fromStack(stack).toJSON(), parameters) as TemplateJson;
    for (const [id, inner] of Object.entries(json.Resources)) {
      if (id in merged.Resources) throw new Error(`${stack.node.path}: logical id ${id} is also in a parent`);
      merged.Resources[id] = inner;
    }
    const outputs = Object.fromEntries(
      Object.entries(json.Outputs ?? {}).map(([name, output]) => [name, output.Value]),
    );
    merged.Resources = substituteOutputs(merged.Resources, stackResource, outputs) as TemplateJson['Resources'];
    merged.Outputs = substituteOutputs(merged.Outputs ?? {}, stackResource, outputs) as TemplateJson['Outputs'];
  }
  return Template.fromJSON(merged);
}
