"use client";
// The sidebar's links; a client island to mark the current page and the one being opened. Pages have
// no loading.tsx (it would stream them: a 200 before a 403/404, and content hidden without
// JavaScript), so the tapped link itself shows the page is on its way.
// On a phone they wrap onto a second row rather than hide past the screen's edge.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { LinkPendente } from "@/components/ui/link-pendente-client";

/** `secao`: the URL prefix the link stands for, when it opens one page of several (Configurações). */
export type NavItem = { href: string; label: string; secao?: string };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1 md:flex-col">
      {items.map((item) => {
        const base = item.secao ?? item.href;
        const active = pathname === base || pathname.startsWith(`${base}/`);
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
              <LinkPendente />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
