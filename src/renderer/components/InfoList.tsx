export interface InfoRow {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

/** A two-column list of labelled facts; `id` becomes a data-testid for end-to-end checks. */
export function InfoList({ rows }: { rows: readonly InfoRow[] }) {
  return (
    <dl className="info-list">
      {rows.map((row) => (
        <div key={row.id} className="info-row">
          <dt>{row.label}</dt>
          <dd data-testid={`info-${row.id}`}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
