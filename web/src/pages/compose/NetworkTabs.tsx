import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { PlatformBadge } from '../../publishing/PlatformBadge';
import { PLATFORM_LOOK } from '../../publishing/platforms';
import { CharacterCounter } from './CharacterCounter';
import { isCustomised, textFor, type ComposerState } from './compose-state';
import { IssueList } from './IssueList';
import { errorsOf, type TargetCheck } from './target-checks';

/**
 * One tab per chosen account: the text that account will publish (the main text, or its own
 * once customised), its counter, its issues and, below, whatever `preview` renders for it.
 */
export function NetworkTabs({
  state,
  checks,
  selected,
  serverErrors,
  onSelect,
  onCustomise,
  onUseMainText,
  onOverride,
  preview,
}: {
  state: ComposerState;
  checks: readonly TargetCheck[];
  selected: string;
  serverErrors: Record<string, string[]>;
  onSelect: (accountId: string) => void;
  onCustomise: (accountId: string) => void;
  onUseMainText: (accountId: string) => void;
  onOverride: (accountId: string, text: string) => void;
  preview: (check: TargetCheck) => ReactNode;
}) {
  const id = useId();
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = checks.find((c) => c.account.id === selected) ?? checks[0];
  if (!current) return null;

  const moveFocus = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let target = step === 0 ? -1 : (index + step + checks.length) % checks.length;
    if (event.key === 'Home') target = 0;
    if (event.key === 'End') target = checks.length - 1;
    if (target < 0) return;
    event.preventDefault();
    const accountId = checks[target]!.account.id;
    onSelect(accountId);
    tabs.current[accountId]?.focus();
  };

  const network = PLATFORM_LOOK[current.platform].name;
  const accountId = current.account.id;
  const customised = isCustomised(state, accountId);
  const panelId = `${id}-panel`;
  return (
    <div>
      <div role="tablist" aria-label="Networks" className="flex flex-wrap gap-1 border-b border-slate-200">
        {checks.map((check, index) => {
          const active = check.account.id === current.account.id;
          const failing = errorsOf(check).length > 0 || (serverErrors[check.account.id]?.length ?? 0) > 0;
          return (
            <button
              key={check.account.id}
              ref={(element) => {
                tabs.current[check.account.id] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${check.account.id}`}
              aria-selected={active}
              aria-controls={panelId}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(check.account.id)}
              onKeyDown={(event) => moveFocus(event, index)}
              className={`-mb-px flex items-center gap-2 border-b-2 px-3 py-2 text-sm font-medium ${
                active
                  ? 'border-brand-600 text-slate-900'
                  : 'border-transparent text-slate-500 hover:text-slate-800'
              }`}
            >
              <PlatformBadge platform={check.platform} />
              {check.account.name}
              {failing ? (
                <span className="size-2 rounded-full bg-rose-500" aria-label="has errors" role="img" />
              ) : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={`${id}-tab-${accountId}`} className="space-y-3 pt-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">
            {customised ? `Own text for ${network}.` : `Uses the main text.`}
          </p>
          <div className="flex items-center gap-3">
            <CharacterCounter
              used={current.used}
              limit={current.limit}
              tone={current.tone}
              label={`${network}, ${current.account.name}`}
            />
            {customised ? (
              <Button variant="secondary" size="sm" onClick={() => onUseMainText(accountId)}>
                Use main text
              </Button>
            ) : (
              <Button variant="secondary" size="sm" onClick={() => onCustomise(accountId)}>
                Customise for {network}
              </Button>
            )}
          </div>
        </div>
        {customised ? (
          <div>
            <label htmlFor={`${id}-own-${accountId}`} className="sr-only">
              Text for {network} ({current.account.name})
            </label>
            <textarea
              id={`${id}-own-${accountId}`}
              rows={5}
              value={textFor(state, accountId)}
              onChange={(event) => onOverride(accountId, event.target.value)}
              aria-invalid={errorsOf(current).some((i) => i.field === 'text') || undefined}
              className={`${INPUT_CLASS} ${inputRing(errorsOf(current).some((i) => i.field === 'text'))} resize-y leading-6`}
            />
          </div>
        ) : null}
        <IssueList issues={current.issues} serverErrors={serverErrors[accountId] ?? []} />
        {preview(current)}
      </div>
    </div>
  );
}
