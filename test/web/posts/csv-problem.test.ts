import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../../web/src/api/problem';
import { csvImportProblem } from '../../../web/src/pages/posts/csv-problem';

describe('CSV import problem mapping', () => {
  it('groups the 422 errors by row with the CSV column names people typed', () => {
    const problem = new ApiProblem({
      status: 422,
      code: 'validation_failed',
      title: 'Validation failed',
      detail: 'Some rows cannot be scheduled; nothing was scheduled.',
      errors: [
        { field: 'rows.3 (line 4).at', message: 'Must be in the future' },
        { field: 'rows.1 (line 2).body.targets.0.socialAccountId', message: 'No such connected account' },
        { field: 'rows.3 (line 4).targets.1.socialAccountId', message: 'This account is disconnected' },
        { field: 'rows.7.scheduledAt', message: 'Invalid date' },
      ],
    });
    expect(csvImportProblem(problem)).toEqual({
      summary: 'Some rows cannot be scheduled; nothing was scheduled. 3 rows need fixing.',
      rows: [
        {
          row: 1,
          line: 2,
          problems: [{ column: 'body.targets.0.socialAccountId', message: 'No such connected account' }],
        },
        {
          row: 3,
          line: 4,
          problems: [
            { column: 'at', message: 'Must be in the future' },
            { column: 'accounts', message: 'This account is disconnected' },
          ],
        },
        { row: 7, problems: [{ column: 'at', message: 'Invalid date' }] },
      ],
    });
  });

  it('maps the 400 shape errors, row-level ones without a column', () => {
    const problem = new ApiProblem({
      status: 400,
      code: 'validation_failed',
      title: 'Validation failed',
      detail: 'Some rows are invalid; nothing was scheduled.',
      errors: [
        { field: 'rows.2 (line 3)', message: 'Give either `at` or `localTime` (with `timeZone`)' },
        { field: 'rows.2 (line 3).socialAccountIds', message: 'Too small: expected array to have >=1 items' },
        { field: 'rows.5 (line 6).localTime', message: 'Use YYYY-MM-DDTHH:mm' },
        { field: 'rows.5 (line 6).timeZone', message: 'Unknown zone' },
        { field: 'rows.5 (line 6).media_ids', message: 'kept as is' },
      ],
    });
    const mapped = csvImportProblem(problem);
    expect(mapped.summary).toBe('Some rows are invalid; nothing was scheduled. 2 rows need fixing.');
    expect(mapped.rows.map((r) => [r.row, r.line, r.problems.map((p) => p.column)])).toEqual([
      [2, 3, [undefined, 'accounts']],
      [5, 6, ['local_time', 'time_zone', 'media_ids']],
    ]);
  });

  it('explains whole-file refusals', () => {
    expect(
      csvImportProblem(
        new ApiProblem({
          status: 400,
          code: 'validation_failed',
          title: 'Validation failed',
          detail: 'The CSV file cannot be read: Invalid Closing Quote',
        }),
      ),
    ).toEqual({ summary: 'The CSV file cannot be read: Invalid Closing Quote', rows: [] });
    expect(
      csvImportProblem(new ApiProblem({ status: 415, code: 'unsupported_media_type', title: 'Unsupported' }))
        .summary,
    ).toBe('Choose a .csv file (comma-separated values).');
    expect(csvImportProblem(new TypeError('Failed to fetch')).summary).toBe(
      'The file could not be sent; try again.',
    );
    expect(
      csvImportProblem(
        new ApiProblem({
          status: 400,
          code: 'validation_failed',
          title: 'Validation failed',
          errors: [{ field: 'body', message: 'Send between 1 and 500 posts.' }],
        }),
      ),
    ).toEqual({ summary: 'Validation failed Send between 1 and 500 posts.', rows: [] });
  });
});
