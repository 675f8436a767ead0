const NUMBER = new Intl.NumberFormat();

export type TableCell = string | number | null;

/**
 * The figures a chart draws, as a table for screen readers (visually hidden): every chart in
 * the dashboard has one, so nothing is only a picture. A null is said as "no data", never 0.
 */
export function ChartTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly TableCell[])[];
}) {
  // The hiding box is a div: a table with `sr-only` still sizes itself to its content (tables
  // ignore width and overflow) and widens the page.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={`${String(row[0])}-${rowIndex}`}>
              {row.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{formatCell(cell)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function formatCell(cell: TableCell): string {
  if (cell === null) return 'no data';
  return typeof cell === 'number' ? NUMBER.format(cell) : cell;
}
