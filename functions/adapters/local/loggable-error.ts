/**
 * What a log line may say about an error. Errors from the database layer carry the values
 * they were given: drizzle's `DrizzleQueryError` puts every bound parameter into its message
 * (an argon2 hash on sign-up, an API key hash, a person's email), and PostgreSQL's `detail`
 * repeats the offending key (`Key (email)=(…) already exists`). A log must never hold those,
 * yet the database's own reason (SQLSTATE, constraint, table, column) is exactly what an
 * operator needs, and drizzle hides it in `cause`. So errors are rebuilt field by field from
 * a list of safe fields, never copied.
 */
export interface LoggableError {
  name: string;
  message: string;
  /** SQLSTATE for database errors, else the error's own string code (`ECONNREFUSED`). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The SQL text with its `$n` placeholders (never the values bound to them). */
  query?: string;
  /** Stack frames only: the first line of `stack` repeats the message. */
  stack?: string;
  cause?: LoggableError;
}

/** Where drizzle's message ends and its list of bound values starts. */
const PARAMS_MARKER = /\n\s*params:[\s\S]*$/;

/**
 * A PostgreSQL message names a rejected value after a colon in quotes
 * (`invalid input syntax for type uuid: "…"`, `invalid input value for enum role: "…"`).
 */
const QUOTED_VALUE = /:\s*"(?:[^"]|"")*"/g;

/** Removes bound parameter values and quoted input values from free text headed for a log. */
export function scrubLogText(text: string): string {
  return text.replace(PARAMS_MARKER, '\nparams: [not logged]').replace(QUOTED_VALUE, ': [value not logged]');
}

type ErrorFields = Record<string, unknown>;

const stringField = (error: ErrorFields, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = error[name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
};

const isQueryError = (error: ErrorFields): boolean =>
  typeof error.query === 'string' && Array.isArray(error.params);

function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

/**
 * Describes any thrown value for a log: name, a scrubbed message, the database's code,
 * constraint, table and column (postgres.js names them `constraint_name`, PGlite
 * `constraint`), the SQL text, stack frames, and the same for its `cause` (a few levels).
 */
export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!(error instanceof Error)) return { name: typeof error, message: scrubLogText(String(error)) };
  const fields = error as unknown as ErrorFields;
  const described: LoggableError = {
    name: error.name,
    message: isQueryError(fields) ? 'Failed query' : scrubLogText(error.message),
  };
  const code = stringField(fields, 'code');
  if (code) described.code = code;
  const constraint = stringField(fields, 'constraint_name', 'constraint');
  if (constraint) described.constraint = constraint;
  const table = stringField(fields, 'table_name', 'table');
  if (table) described.table = table;
  const column = stringField(fields, 'column_name', 'column');
  if (column) described.column = column;
  if (isQueryError(fields)) described.query = String(fields.query).slice(0, 2000);
  const stack = stackFrames(error.stack);
  if (stack) described.stack = stack;
  if (error.cause !== undefined && depth < 3) described.cause = loggableError(error.cause, depth + 1);
  return described;
}
