import { Button } from '../../../components/Button';
import type { ImproveContentOutput } from '../task-outputs';
import { TemplateNote } from '../TemplateNote';
import { DraftCheckNote } from './DraftCheckNote';

/** The rewritten text, what changed and its check; with `onUse`, it can replace the draft. */
export function ImproveResult({
  output,
  onUse,
}: {
  output: ImproveContentOutput;
  onUse?: (text: string) => void;
}) {
  return (
    <div className="space-y-3">
      <TemplateNote template={output.template} />
      <div className="rounded-lg p-3 ring-1 ring-slate-200">
        <p className="text-sm break-words whitespace-pre-wrap text-slate-900" data-testid="improved-text">
          {output.text}
        </p>
        <div className="mt-1.5">
          <DraftCheckNote check={output.check} />
        </div>
      </div>
      <ul className="list-disc pl-5 text-sm text-slate-600">
        {output.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      {onUse ? (
        <Button size="sm" variant="secondary" onClick={() => onUse(output.text)}>
          Use this text
        </Button>
      ) : null}
    </div>
  );
}
