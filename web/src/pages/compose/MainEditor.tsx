import { useId } from 'react';
import { Button } from '../../components/Button';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { PLATFORM_LOOK } from '../../publishing/platforms';
import { CharacterCounter } from './CharacterCounter';
import { isCustomised, type ComposerState } from './compose-state';
import type { ComposerAccount } from './accounts';
import type { TargetCheck } from './target-checks';

const TEXTAREA = `${INPUT_CLASS} ${inputRing(false)} resize-y leading-6`;

const names = (accounts: readonly ComposerAccount[]) =>
  [...new Set(accounts.map((a) => PLATFORM_LOOK[a.platform].name))].join(', ');

/** The text every chosen account gets unless customised, with its replies and first comment. */
export function MainEditor({
  state,
  chosen,
  checks,
  onChange,
}: {
  state: ComposerState;
  chosen: readonly ComposerAccount[];
  checks: readonly TargetCheck[];
  onChange: (next: ComposerState) => void;
}) {
  const id = useId();
  const threaded = chosen.filter((a) => a.limits.supportsThreads);
  const commented = chosen.filter((a) => a.limits.supportsFirstComment);
  const usingMain = checks.filter((c) => !isCustomised(state, c.account.id));
  const setReply = (index: number, text: string) =>
    onChange({ ...state, thread: state.thread.map((reply, i) => (i === index ? text : reply)) });

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
          Post text
        </label>
        <textarea
          id={`${id}-text`}
          rows={6}
          value={state.content}
          onChange={(event) => onChange({ ...state, content: event.target.value })}
          placeholder="What would you like to share?"
          aria-describedby={usingMain.length > 0 ? `${id}-counters` : undefined}
          className={`mt-1.5 ${TEXTAREA}`}
        />
        {usingMain.length > 0 ? (
          <p id={`${id}-counters`} className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1">
            {usingMain.map((check) => (
              <span
                key={check.account.id}
                className="inline-flex items-center gap-1.5 text-xs text-slate-600"
              >
                {PLATFORM_LOOK[check.platform].name} · {check.account.name}
                <CharacterCounter
                  used={check.used}
                  limit={check.limit}
                  tone={check.tone}
                  label={`${PLATFORM_LOOK[check.platform].name}, ${check.account.name}`}
                />
              </span>
            ))}
          </p>
        ) : null}
      </div>

      {threaded.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">
            Thread replies{' '}
            <span className="font-normal text-slate-500">(optional, on {names(threaded)})</span>
          </legend>
          <ol className="mt-1.5 space-y-2">
            {state.thread.map((reply, index) => (
              <li key={index} className="flex items-start gap-2">
                <label className="sr-only" htmlFor={`${id}-reply-${index}`}>
                  Reply {index + 1}
                </label>
                <textarea
                  id={`${id}-reply-${index}`}
                  rows={2}
                  value={reply}
                  placeholder={`Reply ${index + 1}`}
                  onChange={(event) => setReply(index, event.target.value)}
                  className={TEXTAREA}
                />
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove reply ${index + 1}`}
                  onClick={() => onChange({ ...state, thread: state.thread.filter((_, i) => i !== index) })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ol>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={() => onChange({ ...state, thread: [...state.thread, ''] })}
          >
            Add a reply
          </Button>
        </fieldset>
      ) : null}

      {commented.length > 0 ? (
        <div>
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-800">
            First comment{' '}
            <span className="font-normal text-slate-500">(optional, on {names(commented)})</span>
          </label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            value={state.firstComment}
            onChange={(event) => onChange({ ...state, firstComment: event.target.value })}
            className={`mt-1.5 ${TEXTAREA}`}
          />
        </div>
      ) : null}
    </div>
  );
}
