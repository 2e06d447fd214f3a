import Link from "next/link";

const numberFormat = new Intl.NumberFormat("pt-BR");

type StatCardProps = {
  label: string;
  value: number;
  /** Names the card for e2e tests: the value carries `data-testid="count-<testId>"`. */
  testId: string;
  /** The list this card counts: the whole card opens it. */
  href?: string;
};

// The label is the link and its ::after covers the card, so the whole card is one click target while
// the markup stays a dt/dd pair inside the page's <dl>; the card shows the link's focus ring.
export function StatCard({ label, value, testId, href }: StatCardProps) {
  return (
    <div
      className={`relative rounded-2xl border border-brand-100 bg-white p-5 shadow-sm ${
        href
          ? "transition-colors hover:border-brand-300 hover:bg-brand-50/40 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-600"
          : ""
      }`}
    >
      <dt className={`text-sm font-medium text-muted ${href ? "pr-5" : ""}`}>
        {href ? (
          <Link
            href={href}
            className="outline-none after:absolute after:inset-0 after:rounded-2xl after:content-['']"
            data-testid={`link-${testId}`}
          >
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      {href ? (
        <span aria-hidden className="absolute top-4 right-5 text-sm text-brand-600">
          →
        </span>
      ) : null}
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
