import type { ApiProblem } from '../../api/problem';

/**
 * The sentence shown under a refused upload. The API's own words where they are readable
 * (too large, over quota, refused by inspection); a refused content type comes back as a
 * schema error listing every accepted type, so it is said plainly instead.
 */
export function uploadProblemText(problem: ApiProblem, file: { name: string; type: string }): string {
  const generic = problem.code === 'validation_failed' && problem.errors.length > 0;
  const schemaError = generic && Boolean(problem.detail?.includes('see `errors`'));
  // A type outside the schema's list; a type Plume cannot check comes with its own sentence.
  if (schemaError && problem.fieldError('body.contentType') !== undefined) {
    return file.type
      ? `${file.type} files are not accepted: no network takes them.`
      : `Plume cannot tell what kind of file ${file.name} is; upload an image or a video.`;
  }
  const details = problem.errors.map((error) => error.message);
  if (schemaError) return details.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' ');
  const lead = problem.detail ?? problem.title;
  const extra = details.filter((message) => message !== lead);
  return [lead, ...extra].map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' ');
}
