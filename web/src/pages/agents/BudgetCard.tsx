import { useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { Card } from '../../components/Card';
import { TextField } from '../../components/form/TextField';
import { FormProblem } from '../../components/FormProblem';
import { formatDate } from '../../lib/dates';
import { useForm } from '../../forms/use-form';
import { AGENTS_KEY, type AgentBudget } from './agent-api';
import { formatBudget, formatCost } from './format';

/** What all agents may spend this month, what is spent, and (for an admin) the figure to change. */
export function BudgetCard({ budget, canEdit }: { budget: AgentBudget; canEdit: boolean }) {
  const { api } = useServices();
  const queryClient = useQueryClient();
  const form = useForm({
    initial: { monthlyBudgetUsd: String(budget.monthlyBudgetUsd) },
    validate: ({ monthlyBudgetUsd }) => {
      const value = Number(monthlyBudgetUsd);
      return monthlyBudgetUsd.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100_000
        ? { monthlyBudgetUsd: 'Use an amount from 0 to 100,000' }
        : {};
    },
    onSubmit: async ({ monthlyBudgetUsd }) => {
      await unwrap(api.PUT('/ai-agents/budget', { body: { monthlyBudgetUsd: Number(monthlyBudgetUsd) } }));
      await queryClient.invalidateQueries({ queryKey: AGENTS_KEY });
    },
  });
  const share =
    budget.monthlyBudgetUsd > 0 ? Math.min(1, budget.spentThisMonthUsd / budget.monthlyBudgetUsd) : 1;
  return (
    <Card
      title="AI budget"
      description="What all agents together may spend on the model this calendar month (UTC)."
    >
      <div className="space-y-4">
        <p className="text-sm text-slate-700" data-testid="budget-summary">
          <span className="font-semibold text-slate-900">{formatCost(budget.spentThisMonthUsd)}</span> spent
          of {formatBudget(budget.monthlyBudgetUsd)}; {formatCost(budget.remainingUsd)} left until{' '}
          {formatDate(budget.resetsAt)}.
        </p>
        <div aria-hidden="true" className="h-2 rounded bg-slate-100">
          <div
            className={`h-2 rounded ${share >= 1 ? 'bg-rose-500' : 'bg-brand-600'}`}
            style={{ width: `${share * 100}%` }}
          />
        </div>
        {canEdit ? (
          <form
            ref={form.formRef}
            onSubmit={form.onSubmit}
            noValidate
            className="flex flex-wrap items-end gap-3"
          >
            <TextField
              {...form.field('monthlyBudgetUsd')}
              label="Monthly budget (USD)"
              inputMode="decimal"
              className="w-48"
            />
            <Button type="submit" busy={form.submitting}>
              Save budget
            </Button>
            <FormProblem problem={form.problem} className="w-full" />
          </form>
        ) : (
          <p className="text-xs text-slate-500">An admin can change the budget.</p>
        )}
      </div>
    </Card>
  );
}
