// First: the shared schema below is built when its module loads, and reads this setting then.
import '../../forms/zod-config';
import { useQueryClient } from '@tanstack/react-query';
import { agentConfiguration } from '../../../../functions/shared/agents/configuration';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/form/CheckboxField';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { INPUT_CLASS, inputRing } from '../../components/form/field-ids';
import { FieldError, FieldHint, FieldLabel } from '../../components/form/FieldText';
import { friendlyMessages, type FieldErrors } from '../../forms/field-errors';
import { useForm, type FieldProps } from '../../forms/use-form';
import { AGENTS_KEY, type Agent, type AgentConfiguration } from './agent-api';

interface SettingsValues {
  isActive: boolean;
  brandVoice: string;
  audience: string;
  bannedWords: string;
  language: string;
  model: string;
  monthlyBudgetUsd: string;
}

const valuesOf = (agent: Agent): SettingsValues => ({
  isActive: agent.isActive,
  brandVoice: agent.configuration.brandVoice ?? '',
  audience: agent.configuration.audience ?? '',
  bannedWords: (agent.configuration.bannedWords ?? []).join('\n'),
  language: agent.configuration.language ?? '',
  model: agent.configuration.model ?? '',
  monthlyBudgetUsd: agent.configuration.monthlyBudgetUsd?.toString() ?? '',
});

/** The form's strings as the configuration the API stores; an empty field is left out. */
function configurationOf(values: SettingsValues): AgentConfiguration {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const banned = values.bannedWords
    .split(/[\n,]/)
    .map((word) => word.trim())
    .filter(Boolean);
  const budget = values.monthlyBudgetUsd.trim();
  return Object.fromEntries(
    Object.entries({
      brandVoice: text(values.brandVoice),
      audience: text(values.audience),
      bannedWords: banned.length ? banned : undefined,
      language: text(values.language),
      model: text(values.model),
      monthlyBudgetUsd: budget === '' ? undefined : Number(budget),
    }).filter(([, value]) => value !== undefined),
  ) as AgentConfiguration;
}

/** The shared schema's verdict, each issue on its form field ("bannedWords.3" on bannedWords). */
function validate(values: SettingsValues): FieldErrors {
  const parsed = agentConfiguration.safeParse(configurationOf(values), { error: friendlyMessages });
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

function TextArea({
  label,
  hint,
  rows = 3,
  ...field
}: FieldProps & { label: string; hint?: string; rows?: number }) {
  return (
    <div>
      <FieldLabel htmlFor={field.id} optional>
        {label}
      </FieldLabel>
      <textarea
        id={field.id}
        name={field.name}
        rows={rows}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        aria-invalid={field.error ? true : undefined}
        className={`mt-1.5 ${INPUT_CLASS} ${inputRing(field.error)} resize-y`}
      />
      {hint ? <FieldHint id={field.id}>{hint}</FieldHint> : null}
      <FieldError id={field.id} error={field.error} />
    </div>
  );
}

/** A manager's settings for one agent: on or off, voice, audience, banned words, model, its own budget. */
export function AgentSettingsForm({ agent, onDone }: { agent: Agent; onDone: () => void }) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const form = useForm<SettingsValues>({
    initial: valuesOf(agent),
    validate,
    onSubmit: async (values) => {
      await unwrap(
        api.PUT('/ai-agents/{type}', {
          params: { path: { type: agent.type } },
          body: { isActive: values.isActive, configuration: configurationOf(values) },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
      onDone();
    },
  });
  return (
    <form
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      className="space-y-4"
      aria-label={`${agent.name} settings`}
    >
      <FormProblem problem={form.problem} />
      <CheckboxField
        {...form.checkbox('isActive')}
        label="Switched on"
        hint="A switched-off agent takes no new tasks."
      />
      <TextArea {...form.field('brandVoice')} label="Brand voice" hint="Tone, person, words you like." />
      <TextArea {...form.field('audience')} label="Audience" rows={2} />
      <TextArea
        {...form.field('bannedWords')}
        label="Banned words"
        hint="One per line or comma-separated; every draft is checked for them."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField {...form.field('language')} label="Language" optional hint="e.g. en, pt-BR" />
        <TextField {...form.field('model')} label="Model" optional hint="e.g. claude-sonnet-4-6" />
        <TextField
          {...form.field('monthlyBudgetUsd')}
          label="Monthly budget (USD)"
          optional
          inputMode="decimal"
          hint="This agent’s own limit"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={form.submitting}>
          Save settings
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Close
        </Button>
      </div>
    </form>
  );
}
