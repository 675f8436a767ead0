import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { isApiProblem, networkProblem, type ApiProblem } from '../api/problem';
import { problemFieldErrors, validateWith, type FieldErrors } from './field-errors';

export interface UseFormOptions<Values extends object> {
  initial: Values;
  /** The API's own request schema (see contracts.ts). */
  schema?: z.ZodType;
  /** Form values (strings from inputs) to the request body the schema checks. Default: as they are. */
  toBody?: (values: Values) => unknown;
  /** Rules only the form knows (a repeated password), merged with the schema's. */
  validate?: (values: Values) => FieldErrors;
  onSubmit: (values: Values) => Promise<void> | void;
}

type FieldName<Values> = Extract<keyof Values, string>;

/** What one text-like input needs; spread into <TextField> or <SelectField>. */
export interface FieldProps {
  id: string;
  name: string;
  value: string;
  error?: string;
  onChange: (event: { target: { value: string } }) => void;
  onBlur: () => void;
}

export interface CheckboxProps {
  id: string;
  name: string;
  checked: boolean;
  error?: string;
  onChange: (event: { target: { checked: boolean } }) => void;
  onBlur: () => void;
}

/**
 * A form that validates as the user types with the API's schemas and shows the API's own
 * answer the same way: a field's error appears once the field was left (or on submit) and
 * then follows every keystroke; the server's field errors sit on their fields until the
 * field changes; anything else is `problem`, for the form-level alert. On a failed submit,
 * focus moves to the first invalid field, or to the alert.
 */
export function useForm<Values extends object>(options: UseFormOptions<Values>) {
  const idPrefix = useId();
  const [values, setValues] = useState<Values>(options.initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const { schema, toBody, validate } = options;
  const clientErrors = useMemo<FieldErrors>(() => {
    const fromSchema = schema ? validateWith(schema, toBody ? toBody(values) : values) : {};
    return { ...fromSchema, ...validate?.(values) };
  }, [schema, toBody, validate, values]);

  const errorFor = useCallback(
    (name: string): string | undefined =>
      serverErrors[name] ?? (submitted || touched.has(name) ? clientErrors[name] : undefined),
    [serverErrors, submitted, touched, clientErrors],
  );

  // After a failed submit, hand focus to what needs fixing (after the render that marks it).
  useEffect(() => {
    if (focusRequest === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-form-problem]');
    target?.focus();
  }, [focusRequest]);

  const setValue = useCallback(<Name extends FieldName<Values>>(name: Name, value: Values[Name]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setServerErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
  }, []);

  const markTouched = useCallback((name: string) => {
    setTouched((current) => (current.has(name) ? current : new Set(current).add(name)));
  }, []);

  const field = (name: FieldName<Values>): FieldProps => ({
    id: `${idPrefix}-${name}`,
    name,
    value: String(values[name] ?? ''),
    error: errorFor(name),
    onChange: (event) => setValue(name, event.target.value as Values[typeof name]),
    onBlur: () => markTouched(name),
  });

  const checkbox = (name: FieldName<Values>): CheckboxProps => ({
    id: `${idPrefix}-${name}`,
    name,
    checked: values[name] === true,
    error: errorFor(name),
    onChange: (event) => setValue(name, event.target.checked as Values[typeof name]),
    onBlur: () => markTouched(name),
  });

  const onSubmit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (submitting) return;
    setSubmitted(true);
    setProblem(null);
    if (Object.values(clientErrors).some((message) => message !== undefined)) {
      setFocusRequest((count) => count + 1);
      return;
    }
    setSubmitting(true);
    try {
      await latest.current.onSubmit(values);
    } catch (error) {
      const apiProblem = isApiProblem(error) ? error : networkProblem(error);
      if (!isApiProblem(error)) console.error(error);
      const fields = problemFieldErrors(apiProblem, Object.keys(values));
      const onFields = Object.keys(fields).length;
      setServerErrors(fields);
      // Field errors speak for themselves; the alert is for anything they do not cover.
      if (onFields === 0 || onFields < apiProblem.errors.length) setProblem(apiProblem);
      setFocusRequest((count) => count + 1);
    } finally {
      setSubmitting(false);
    }
  };

  const reset = useCallback((next?: Values) => {
    setValues(next ?? latest.current.initial);
    setTouched(new Set());
    setSubmitted(false);
    setServerErrors({});
    setProblem(null);
  }, []);

  return {
    values,
    setValue,
    field,
    checkbox,
    errorFor,
    problem,
    setProblem,
    submitting,
    formRef,
    onSubmit: (event: FormEvent) => void onSubmit(event),
    submit: onSubmit,
    reset,
    /** True when the current values would pass the client-side checks. */
    isValid: !Object.values(clientErrors).some((message) => message !== undefined),
  };
}

export type FormApi<Values extends object> = ReturnType<typeof useForm<Values>>;
