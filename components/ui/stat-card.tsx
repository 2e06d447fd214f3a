const numberFormat = new Intl.NumberFormat("pt-BR");

type StatCardProps = {
  label: string;
  value: number;
  /** Names the card for e2e tests: the value carries `data-testid="count-<testId>"`. */
  testId: string;
};

export function StatCard({ label, value, testId }: StatCardProps) {
  return (
    <div className="rounded-2xl border border-brand-100 bg-white p-5 shadow-sm">
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd
        className="mt-2 text-3xl font-semibold tracking-tight text-brand-800 tabular-nums"
        data-testid={`count-${testId}`}
        data-count={value}
      >
        {numberFormat.format(value)}
      </dd>
    </div>
  );
}
