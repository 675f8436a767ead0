import { Button } from '../../../components/Button';
import type { SuggestHashtagsOutput } from '../task-outputs';
import { formatTwo } from '../format';

/** Hashtags with the evidence behind each (or "new, unmeasured"); with `onAdd`, added to the text. */
export function HashtagsResult({
  output,
  onAdd,
}: {
  output: SuggestHashtagsOutput;
  onAdd?: (tag: string) => void;
}) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">{output.note}</p>
      {output.suggestions.length === 0 ? (
        <p className="text-sm text-slate-600">No hashtag to suggest.</p>
      ) : (
        <ul className="space-y-1.5" aria-label="Suggested hashtags">
          {output.suggestions.map((tag) => (
            <li key={tag.tag} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span className="min-w-0 break-all">
                <span className="font-medium text-slate-900">#{tag.tag}</span>{' '}
                <span className="text-xs text-slate-500">
                  {tag.source === 'history' && tag.medianLift !== null
                    ? `×${formatTwo(tag.medianLift)} your usual on ${tag.posts} posts`
                    : 'new, unmeasured'}
                </span>
              </span>
              {onAdd ? (
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => onAdd(tag.tag)}
                  aria-label={`Add #${tag.tag}`}
                >
                  Add
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
