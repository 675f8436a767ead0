import { Button } from '../../../components/Button';
import { PLATFORM_LOOK } from '../../../publishing/platforms';
import type { GenerateContentOutput } from '../task-outputs';
import { TemplateNote } from '../TemplateNote';
import { formatTwo } from '../format';
import { DraftCheckNote } from './DraftCheckNote';

/**
 * Drafts per network and variant, each with its check; the hashtags' measured lift and the
 * past posts it learned from. With `onInsert`, each draft can go into the composer.
 */
export function GenerateResult({
  output,
  onInsert,
}: {
  output: GenerateContentOutput;
  onInsert?: (text: string) => void;
}) {
  return (
    <div className="space-y-4">
      <TemplateNote template={output.template} what="draft" />
      <ul className="space-y-3" aria-label="Drafts">
        {output.drafts.map((draft) => {
          const name = `${PLATFORM_LOOK[draft.platform].name} draft ${draft.variant}`;
          return (
            <li
              key={`${draft.platform}-${draft.variant}`}
              className="min-w-0 rounded-lg p-3 ring-1 ring-slate-200"
              aria-label={name}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-xs font-medium text-slate-500">{name}</p>
                {onInsert ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => onInsert(draft.text)}
                    aria-label={`Insert ${name}`}
                  >
                    Insert
                  </Button>
                ) : null}
              </div>
              <p className="mt-1 text-sm break-words whitespace-pre-wrap text-slate-900">{draft.text}</p>
              <div className="mt-1.5">
                <DraftCheckNote check={draft.check} />
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-600">{output.explanation}</p>
      {output.hashtagEvidence.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="mb-1 text-left text-xs text-slate-500">
              Your hashtags and how your posts with them did (1 = usual for the account)
            </caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Hashtag
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Posts
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Median lift
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 text-slate-700">
              {output.hashtagEvidence.slice(0, 8).map((tag) => (
                <tr key={tag.tag}>
                  <th scope="row" className="py-1 pr-4 text-left font-medium break-all">
                    #{tag.tag}
                  </th>
                  <td className="py-1 pr-4 text-right tabular-nums">{tag.posts}</td>
                  <td className="py-1 pr-4 text-right tabular-nums">×{formatTwo(tag.medianLift)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {output.examples.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">
            Past posts it learned from ({output.examples.length})
          </summary>
          <ul className="mt-2 space-y-1.5">
            {output.examples.map((example) => (
              <li key={example.text} className="break-words text-slate-700">
                <span className="text-xs text-slate-500">
                  ×{formatTwo(example.lift)} its account’s usual ·{' '}
                </span>
                {example.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="text-xs text-slate-400">Prompt {output.promptVersion}</p>
    </div>
  );
}
