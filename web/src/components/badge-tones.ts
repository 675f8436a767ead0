/** Badge colours by meaning; a plain module so non-React code (status tables) can name a tone. */
export const BADGE_TONES = {
  neutral: 'bg-slate-100 text-slate-700 ring-slate-200',
  success: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  warning: 'bg-amber-50 text-amber-800 ring-amber-200',
  danger: 'bg-rose-50 text-rose-700 ring-rose-200',
  brand: 'bg-brand-50 text-brand-700 ring-brand-100',
} as const;

export type BadgeTone = keyof typeof BADGE_TONES;
