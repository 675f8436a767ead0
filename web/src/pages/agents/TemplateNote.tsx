import { Badge } from '../../components/Badge';

/**
 * The offline provider's output is labelled template text: without an AI provider the words
 * are built from templates (the numbers of the data-driven agents are real either way).
 */
export function TemplateNote({ template, what = 'text' }: { template: boolean; what?: string }) {
  if (!template) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="template-note">
      <Badge tone="warning">Template text</Badge>
      No AI provider is set up: this {what} comes from templates, not from a model.
    </p>
  );
}
