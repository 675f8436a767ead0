/** Chart colours: Tailwind's indigo/amber/emerald/rose/sky/slate 600s, distinct on white. */
export const SERIES_COLOURS = ['#4f46e5', '#d97706', '#059669', '#e11d48', '#0284c7', '#475569'] as const;

export const colourAt = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

export const AXIS_TICK = { fontSize: 11, fill: '#64748b' } as const;
