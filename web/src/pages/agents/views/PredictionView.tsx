import { useId, useState } from 'react';
import { useSignedInUser } from '../../../auth/use-session';
import { Button } from '../../../components/Button';
import { Card } from '../../../components/Card';
import { INPUT_CLASS, inputRing } from '../../../components/form/field-ids';
import { AgentProblem } from '../AgentProblem';
import { LatestResult } from '../LatestResult';
import { ViewerNote } from '../RunNote';
import { useSocialAccounts } from '../use-account-names';
import { useAudienceZone } from '../use-audience-zone';
import { useRunTask } from '../use-run-task';
import { ZoneSelect } from './ZoneSelect';

/** A draft's engagement predicted from the organization's own history, with the interval and factors. */
export function PredictionView() {
  const id = useId();
  const { can } = useSignedInUser();
  const { accounts, names } = useSocialAccounts();
  const [zone, setZone] = useState(useAudienceZone());
  const [text, setText] = useState('');
  const [accountId, setAccountId] = useState('');
  const [media, setMedia] = useState(0);
  const task = useRunTask('/ai-agents/engagement/predict');
  const chosen = accountId || accounts[0]?.id || '';
  return (
    <div className="space-y-6">
      <Card
        title="Engagement predictor"
        description="How a draft would do on an account, against that account’s usual post, from a model of your own history; with the factors that move it and the edits your history supports."
      >
        <div className="space-y-4">
          <div>
            <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
              Draft
            </label>
            <textarea
              id={`${id}-text`}
              rows={4}
              value={text}
              onChange={(event) => setText(event.target.value)}
              className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} resize-y`}
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="min-w-0">
              <label htmlFor={`${id}-account`} className="block text-sm font-medium text-slate-800">
                Account
              </label>
              <select
                id={`${id}-account`}
                value={chosen}
                onChange={(event) => setAccountId(event.target.value)}
                className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)} pr-8`}
              >
                {accounts.length === 0 ? <option value="">No account connected</option> : null}
                {accounts.map((account) => (
                  <option key={account.id} value={account.id}>
                    {names[account.id]} ({account.platform})
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-media`} className="block text-sm font-medium text-slate-800">
                Pictures or videos
              </label>
              <input
                id={`${id}-media`}
                type="number"
                min={0}
                max={20}
                value={media}
                onChange={(event) => setMedia(Math.max(0, Math.min(20, Number(event.target.value) || 0)))}
                className={`mt-1.5 ${INPUT_CLASS} ${inputRing(false)}`}
              />
            </div>
            <ZoneSelect value={zone} onChange={setZone} />
          </div>
          {can('user') ? (
            <Button
              busy={task.starting}
              disabled={text.trim() === '' || chosen === ''}
              onClick={() => task.run({ text, accountId: chosen, mediaCount: media, timeZone: zone })}
            >
              Predict
            </Button>
          ) : (
            <ViewerNote />
          )}
          <AgentProblem problem={task.problem} />
        </div>
      </Card>
      <LatestResult taskType="engagement.predict" current={task.task} />
    </div>
  );
}
