"use client";
// The sidebar's links; a client island to mark the current page and the one being opened (a page
// that answers 403/404 has no loading skeleton, so the tapped link itself shows it is on its way).
// On a phone they wrap onto a second row rather than hide past the screen's edge.
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block whitespace-nowrap rounded-lg px-2.5 py-1.5 text-sm font-medium md:px-3 md:py-2 transition-colors ${
                active ? "bg-brand-50 text-brand-800" : "text-slate-600 hover:bg-slate-100 hover:text-ink"
              }`}
            >
              {item.label}
              <PendingHint />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function PendingHint() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="ml-2 inline-block size-2 animate-pulse rounded-full bg-brand-600 align-middle">
      <span className="sr-only">Carregando…</span>
    </span>
  ) : null;
}
