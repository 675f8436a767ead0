import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { unwrap } from '../../../api/client';
import { isApiProblem, type ApiProblem } from '../../../api/problem';
import { useServices } from '../../../app/services';
import { Button } from '../../../components/Button';
import { FormProblem } from '../../../components/FormProblem';
import { PLATFORM_LOOK } from '../../../publishing/platforms';

/** Networks whose public accounts can be read without the owner's consent (the API says why not others). */
const READABLE = ['bluesky', 'mastodon', 'instagram', 'sandbox'] as const;
type Readable = (typeof READABLE)[number];

const INPUT =
  'block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-brand-500 focus:outline-none';

/** Track a competitor: its network and public handle; the first read happens at once. */
export function CompetitorForm() {
  const { api } = useServices();
  const client = useQueryClient();
  const [platform, setPlatform] = useState<Readable>('bluesky');
  const [handle, setHandle] = useState('');
  const [instance, setInstance] = useState('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/analytics/competitors/accounts', {
          body: {
            platform,
            handle: handle.trim(),
            ...(platform === 'mastodon' && instance.trim() ? { instance: instance.trim() } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setHandle('');
      setInstance('');
      await client.invalidateQueries({ queryKey: ['analytics', 'competitors'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (handle.trim()) add.mutate();
  };
  const problem: ApiProblem | null = add.error && isApiProblem(add.error) ? add.error : null;
  return (
    <form onSubmit={submit} aria-label="Track a competitor" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <label className="block text-sm">
          <span className="mb-1 block text-slate-700">Network</span>
          <select
            value={platform}
            onChange={(event) => setPlatform(event.target.value as Readable)}
            className={INPUT}
          >
            {READABLE.map((id) => (
              <option key={id} value={id}>
                {PLATFORM_LOOK[id].name}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block text-slate-700">Handle</span>
          <input
            value={handle}
            onChange={(event) => setHandle(event.target.value)}
            placeholder={platform === 'mastodon' ? '@name@mastodon.social' : 'name.bsky.social'}
            required
            maxLength={255}
            className={INPUT}
          />
        </label>
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Track'}
        </Button>
      </div>
      {platform === 'mastodon' ? (
        <label className="block text-sm">
          <span className="mb-1 block text-slate-700">Server (when the handle does not name it)</span>
          <input value={instance} onChange={(event) => setInstance(event.target.value)} className={INPUT} />
        </label>
      ) : null}
      <p className="text-xs text-slate-500">
        Plume reads public profiles and posts where the network allows it without the account’s consent:
        Bluesky, Mastodon, Instagram professional accounts and the Sandbox.
      </p>
      <FormProblem problem={problem} />
    </form>
  );
}
