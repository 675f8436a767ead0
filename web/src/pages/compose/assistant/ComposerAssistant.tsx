import { useState } from 'react';
import { useAgentTaskPushes } from '../../agents/use-agents';
import type { ComposerAccount } from '../accounts';
import { GenerateAssist } from './GenerateAssist';
import { HashtagsAssist } from './HashtagsAssist';
import { ImproveAssist } from './ImproveAssist';
import { PredictAssist } from './PredictAssist';

const MODES = [
  ['generate', 'Generate'],
  ['improve', 'Improve'],
  ['hashtags', 'Hashtags'],
  ['predict', 'Predict'],
] as const;
type Mode = (typeof MODES)[number][0];

/**
 * The composer's AI assistant: drafts from a brief, the text improved, hashtags, and the
 * predicted engagement. It only proposes: nothing changes in the editor until a person
 * inserts it. The composer works the same without it (a refused task is said here only).
 */
export function ComposerAssistant({
  text,
  chosen,
  mediaCount,
  scheduledAt,
  timeZone,
  onInsert,
  onAddHashtag,
}: {
  text: string;
  chosen: readonly ComposerAccount[];
  mediaCount: number;
  scheduledAt: Date | null;
  timeZone: string;
  /** Replaces the main text. */
  onInsert: (text: string) => void;
  onAddHashtag: (tag: string) => void;
}) {
  const [mode, setMode] = useState<Mode>('generate');
  useAgentTaskPushes();
  const first = chosen[0];
  const platforms = [...new Set(chosen.map((account) => account.platform))];
  return (
    <div className="space-y-4" data-testid="composer-assistant">
      <div role="group" aria-label="Assistant" className="flex flex-wrap gap-1">
        {MODES.map(([value, label]) => (
          <button
            key={value}
            type="button"
            aria-pressed={mode === value}
            onClick={() => setMode(value)}
            className={`rounded-md px-2.5 py-1 text-xs ring-1 ${
              mode === value
                ? 'bg-slate-900 text-white ring-slate-900'
                : 'bg-white text-slate-700 ring-slate-300'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      {!first ? (
        <p className="text-sm text-slate-600">Pick an account: the assistant writes for its network.</p>
      ) : mode === 'generate' ? (
        <GenerateAssist platforms={platforms} onInsert={onInsert} />
      ) : mode === 'improve' ? (
        <ImproveAssist text={text} platform={first.platform} onUse={onInsert} />
      ) : mode === 'hashtags' ? (
        <HashtagsAssist text={text} platform={first.platform} onAdd={onAddHashtag} />
      ) : (
        <PredictAssist
          text={text}
          account={first}
          mediaCount={mediaCount}
          scheduledAt={scheduledAt}
          timeZone={timeZone}
        />
      )}
    </div>
  );
}
