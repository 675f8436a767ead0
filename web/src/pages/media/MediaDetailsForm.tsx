import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { LINKEDIN_MAX_ALT_TEXT_LENGTH } from '../../../../functions/shared/platforms/linkedin/limits';
import { unwrap } from '../../api/client';
import { isApiProblem } from '../../api/problem';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { FormProblem } from '../../components/FormProblem';
import { MEDIA_KEY } from '../../publishing/query-keys';
import type { MediaItem } from '../../publishing/upload-media';

/** Name and alt text of a file (PUT /media/{id}); blank alt text clears it. */
export function MediaDetailsForm({ item }: { item: MediaItem }) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const id = useId();
  const [fileName, setFileName] = useState(item.fileName ?? '');
  const [altText, setAltText] = useState(item.altText ?? '');
  const [saved, setSaved] = useState('');

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/media/{id}', {
          params: { path: { id: item.id } },
          body: {
            ...(fileName.trim() && fileName.trim() !== item.fileName ? { fileName: fileName.trim() } : {}),
            altText: altText.trim() ? altText : null,
          },
        }),
      ),
    onSuccess: (updated) => {
      setFileName(updated.fileName ?? '');
      setAltText(updated.altText ?? '');
      setSaved(updated.altText ? 'Saved. The alt text goes with this file into every post.' : 'Saved.');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEDIA_KEY }),
  });
  const problem = isApiProblem(save.error) ? save.error : null;
  const changed = fileName.trim() !== (item.fileName ?? '') || altText !== (item.altText ?? '');
  const nameError = fileName.trim() === '' ? 'A file needs a name.' : problem?.fieldError('body.fileName');
  const altError = problem?.fieldError('body.altText');
  const serverFieldError = problem?.fieldError('body.fileName') ?? altError;

  return (
    <form
      aria-label="File details"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (fileName.trim() === '') return;
        setSaved('');
        save.mutate();
      }}
    >
      <FormProblem problem={problem && !serverFieldError ? problem : null} />
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-800">
          Name
        </label>
        <input
          id={`${id}-name`}
          value={fileName}
          maxLength={255}
          onChange={(event) => {
            setFileName(event.target.value);
            setSaved('');
          }}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          className={`${INPUT_CLASS} ${inputRing(nameError)} mt-1.5`}
        />
        {nameError ? (
          <p id={`${id}-name-error`} className="mt-1 text-sm text-rose-700">
            {nameError}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-alt`} className="block text-sm font-medium text-slate-800">
          Alt text
        </label>
        <textarea
          id={`${id}-alt`}
          value={altText}
          rows={3}
          maxLength={LINKEDIN_MAX_ALT_TEXT_LENGTH}
          onChange={(event) => {
            setAltText(event.target.value);
            setSaved('');
          }}
          aria-invalid={altError ? true : undefined}
          aria-describedby={`${id}-alt-hint`}
          className={`${INPUT_CLASS} ${inputRing(altError)} mt-1.5`}
        />
        <p id={`${id}-alt-hint`} className={`mt-1 text-xs ${altError ? 'text-rose-700' : 'text-slate-500'}`}>
          {altError ??
            `Describes the image for people who cannot see it. ${altText.length} / ${LINKEDIN_MAX_ALT_TEXT_LENGTH}; the composer warns where a network takes less.`}
        </p>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" busy={save.isPending} disabled={!changed || Boolean(nameError)}>
          Save details
        </Button>
        <p role="status" className="text-sm text-emerald-700">
          {saved}
        </p>
      </div>
    </form>
  );
}
