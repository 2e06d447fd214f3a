// The home page of a running instance: shows that the app reads its database, with the headline
// counts and which database and KV are active. Rendered per request: `next build` must never open
// the database (PGlite allows one process per data dir).
import { connection } from "next/server";
import { ServiceModes } from "@/components/home/service-modes";
import { StatCard } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDb } from "@/lib/db/client";
import { listImobiliarias } from "@/lib/db/queries/imobiliarias";
import { countOverview } from "@/lib/db/queries/stats";
import { env } from "@/lib/env";

export default async function HomePage() {
  await connection();
  const { db, driver } = await getDb();
  const [counts, agencies] = await Promise.all([countOverview(db), listImobiliarias(db)]);

  return (
    <main className="mx-auto max-w-5xl px-6 py-10 sm:py-14">
      <header className="flex items-center justify-between">
        <span className="text-xl font-bold tracking-tight text-brand-700">Lastro</span>
        <div className="flex items-center gap-4">
          <StatusBadge>Em funcionamento</StatusBadge>
          <a
            href="/login"
            data-testid="entrar-no-painel"
            className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600"
          >
            Entrar no painel
          </a>
        </div>
      </header>

      <section className="mt-12">
        <h1 className="text-3xl font-bold tracking-tight text-ink sm:text-4xl">Lastro está funcionando</h1>
        <p className="mt-3 max-w-2xl text-muted">
          Assistente de WhatsApp com IA para corretores de imóveis: recebe os leads dos portais, avisa o
          corretor certo na hora certa e acompanha cada atendimento.
        </p>
        <p className="mt-6 text-sm text-muted">
          {agencies.length === 0 ? (
            "Nenhuma imobiliária cadastrada ainda."
          ) : (
            <>
              {agencies.length === 1 ? "Imobiliária: " : "Imobiliárias: "}
              <span className="font-semibold text-ink" data-testid="agency-name">
                {agencies.map((a) => (a.cidade ? `${a.nome} (${a.cidade}${a.uf ? `/${a.uf}` : ""})` : a.nome)).join(", ")}
              </span>
            </>
          )}
        </p>
      </section>

      <section className="mt-10" aria-labelledby="numeros">
        <h2 id="numeros" className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          Números
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
          <StatCard label="Corretores" value={counts.corretores} testId="corretores" />
          <StatCard label="Leads" value={counts.leads} testId="leads" />
          <StatCard label="Eventos" value={counts.eventos} testId="eventos" />
          <StatCard label="Imóveis" value={counts.imoveis} testId="imoveis" />
          <StatCard label="Mensagens" value={counts.mensagens} testId="mensagens" />
        </dl>
      </section>

      <section className="mt-10" aria-labelledby="infraestrutura">
        <h2 id="infraestrutura" className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          Infraestrutura
        </h2>
        <div className="mt-4">
          <ServiceModes db={driver} kv={env.kv.driver} />
        </div>
        <p className="mt-4 text-sm text-muted">
          Verificação de saúde:{" "}
          <a className="font-medium text-brand-700 underline underline-offset-2" href="/api/health">
            /api/health
          </a>
        </p>
      </section>
    </main>
  );
}
