import type { components } from '../../api/schema.gen';

type Cell = components['schemas']['EngagementHeatmapCell'];

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * Average engagement by the weekday and hour posts went out, in the viewer's zone. A table, so
 * screen readers read each cell's figures; the shade is only a second way to see them.
 */
export function EngagementHeatmap({ cells, timeZone }: { cells: Cell[]; timeZone: string }) {
  const top = Math.max(0, ...cells.map((cell) => cell.averageEngagement ?? 0));
  const cellAt = (weekday: number, hour: number) =>
    cells.find((c) => c.weekday === weekday && c.hour === hour);
  return (
    // `relative`: the screen-reader-only texts inside are absolutely positioned; without a
    // positioned scroll box they escape its clipping and widen the page on a phone.
    <div className="relative overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-[11px]">
        <caption className="mb-2 text-left text-xs text-slate-500">
          Average engagement per post by the hour it went out ({timeZone}). Empty: no post then.
        </caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((hour) => (
              <th key={hour} scope="col" className="w-7 font-normal text-slate-500">
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((name, index) => (
            <tr key={name}>
              <th scope="row" className="pr-2 text-left font-normal text-slate-600">
                {name.slice(0, 3)}
              </th>
              {HOURS.map((hour) => {
                const cell = cellAt(index + 1, hour);
                const average = cell?.averageEngagement ?? null;
                const share = average !== null && top > 0 ? average / top : 0;
                return (
                  <td
                    key={hour}
                    className="h-6 w-7 rounded-sm text-center tabular-nums"
                    style={{
                      backgroundColor:
                        cell && cell.posts > 0 ? `rgba(79, 70, 229, ${0.08 + share * 0.8})` : '#f1f5f9',
                    }}
                    title={`${name} ${hour}:00 · ${cell?.posts ?? 0} posts`}
                  >
                    <span className={share > 0.55 ? 'text-white' : 'text-slate-700'}>
                      {average === null ? '' : Math.round(average)}
                    </span>
                    <span className="sr-only">
                      {`${name} ${hour}:00: ${cell?.posts ?? 0} posts${average === null ? '' : `, average engagement ${average}`}`}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
