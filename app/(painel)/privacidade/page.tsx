// /privacidade (admins): a person's request about their data (LGPD art. 18). Search by phone or e-mail,
// see the leads found, export them as JSON or erase them. Also what the daily retention keeps and for
// how long. A gestor or corretor gets "sem permissão".
import type { Metadata } from "next";
import Link from "next/link";
import { TitularAcoes } from "@/components/painel/titular-acoes-client";
import { botaoPrimario, campo, rotuloCampo } from "@/components/ui/estilos";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/authorize";
import { getDb } from "@/lib/db/client";
import { formatPhone } from "@/lib/phone/format-phone";
import { STATUS_LEAD } from "@/lib/painel/rotulos";
import { loadImobiliaria } from "@/lib/painel/load-imobiliaria";
import type { RawSearchParams } from "@/lib/painel/search-params";
import { RETENCAO_ENTREGAS_DIAS } from "@/lib/privacy/retention";
import { findTitular, parseTitularBusca } from "@/lib/privacy/titular";
import { formatDataHora } from "@/lib/time/format-data-hora";
import type { LeadStatus } from "@/lib/db/schema";
import { apagarTitularAction, criarChaveApiAction, exportarTitularAction, revogarChaveApiAction } from "./actions";
import { NovaChaveApi, RevogarChaveApi } from "@/components/painel/chaves-api-client";
import { listChavesApi } from "@/lib/db/queries/chaves-api";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Privacidade · Lastro" };

type PageProps = { searchParams: Promise<RawSearchParams> };

export default async function PrivacidadePage({ searchParams }: PageProps) {
  const viewer = await requireRole("admin");
  const params = await searchParams;
  const param = (nome: string) => {
    const v = params[nome];
    return (Array.isArray(v) ? v[0] : v)?.slice(0, 200) ?? "";
  };
  const q = param("q");
  const apagados = /^\d{1,4}$/.test(param("apagados")) ? Number(param("apagados")) : null;
  const canceladas = /^\d{1,4}$/.test(param("canceladas")) ? Number(param("canceladas")) : 0;
  const imobiliaria = await loadImobiliaria(viewer.imobiliariaId);
  const chaves = await listChavesApi((await getDb()).db, imobiliaria.id);
  const parsed = q ? parseTitularBusca(q) : null;
  const encontrados =
    parsed && "busca" in parsed ? await findTitular((await getDb()).db, imobiliaria.id, parsed.busca) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Privacidade (LGPD)"
        description="Pedidos de titulares: encontre, exporte ou apague os dados de uma pessoa pelo telefone ou e-mail."
      />
      {apagados !== null ? (
        <p
          role="status"
          data-testid="titular-apagado"
          className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900"
        >
          Dados pessoais apagados de {apagados} {apagados === 1 ? "lead" : "leads"}. Os leads continuam contados nas
          métricas, sem nome, telefone, e-mail nem textos.
          {canceladas === 1 ? " 1 mensagem ainda não enviada foi cancelada." : ""}
          {canceladas > 1 ? ` ${canceladas} mensagens ainda não enviadas foram canceladas.` : ""}
        </p>
      ) : null}
      <form
        method="get"
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end"
      >
        <label className={`${rotuloCampo} flex-1`}>
          Telefone ou e-mail da pessoa
          <input
            name="q"
            defaultValue={q}
            autoComplete="off"
            placeholder="(11) 98765-4321 ou nome@exemplo.com.br"
            className={campo}
            aria-describedby={parsed && "erro" in parsed ? "q-erro" : undefined}
          />
        </label>
        <button type="submit" className={botaoPrimario}>
          Buscar
        </button>
      </form>
      {parsed && "erro" in parsed ? (
        <p id="q-erro" role="alert" className="text-sm text-red-700">
          {parsed.erro}
        </p>
      ) : null}

      {encontrados ? (
        <section aria-labelledby="encontrados" className="space-y-4">
          <h2 id="encontrados" className="text-base font-semibold text-ink">
            {encontrados.length === 0
              ? "Nenhum lead com esses dados"
              : `${encontrados.length} ${encontrados.length === 1 ? "lead" : "leads"} com esses dados`}
          </h2>
          {encontrados.length === 0 ? (
            <p className="text-sm text-slate-600">
              Nada guardado com esse telefone ou e-mail (ou os dados já foram apagados).
            </p>
          ) : (
            <>
              <ul
                className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white"
                data-testid="titular-leads"
              >
                {encontrados.map((l) => (
                  <li key={l.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <Link href={`/leads/${l.id}`} className="font-medium text-brand-800 hover:underline">
                        {l.nome}
                      </Link>
                      <p className="truncate text-sm text-slate-600">
                        {[formatPhone(l.telefone), l.email, l.origem].filter(Boolean).join(" · ")}
                      </p>
                    </div>
                    <p className="text-sm text-slate-600">
                      {l.status ? `${STATUS_LEAD[l.status as LeadStatus]?.rotulo ?? l.status} · ` : ""}
                      desde {formatDataHora(l.dataPrimeiroContato, imobiliaria.timezone)}
                    </p>
                  </li>
                ))}
              </ul>
              <TitularAcoes q={q} exportar={exportarTitularAction} apagar={apagarTitularAction} />
            </>
          )}
        </section>
      ) : null}

      <section
        aria-labelledby="chaves-api"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        <h2 id="chaves-api" className="text-base font-semibold text-ink">
          Chaves de API
        </h2>
        <p className="text-sm text-slate-600">
          Para o sistema da imobiliária atender pedidos de titulares sem passar pelo painel:{" "}
          <code className="text-xs">POST /api/privacidade/buscar</code>, <code className="text-xs">exportar</code> ou{" "}
          <code className="text-xs">apagar</code>, com{" "}
          <code className="text-xs">Authorization: Bearer &lt;chave&gt;</code> e o corpo{" "}
          <code className="text-xs">{'{"telefone": "…"}'}</code> ou <code className="text-xs">{'{"email": "…"}'}</code>.
        </p>
        <NovaChaveApi acao={criarChaveApiAction} />
        {chaves.length ? (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="chaves-api">
            {chaves.map((c) => (
              <li key={c.id} className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium text-ink">{c.nome}</p>
                  <p className="text-slate-600">
                    <code className="text-xs">{c.prefixo}…</code> · criada em{" "}
                    {formatDataHora(c.criadaEm, imobiliaria.timezone)}
                    {" · "}
                    {c.ultimoUsoEm
                      ? `último uso ${formatDataHora(c.ultimoUsoEm, imobiliaria.timezone)}`
                      : "nunca usada"}
                  </p>
                </div>
                {c.revogadaEm ? (
                  <span className="text-slate-600">
                    Revogada em {formatDataHora(c.revogadaEm, imobiliaria.timezone)}
                  </span>
                ) : (
                  <RevogarChaveApi chaveId={c.id} nome={c.nome} acao={revogarChaveApiAction} />
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section
        aria-labelledby="retencao"
        className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm"
      >
        <h2 id="retencao" className="text-base font-semibold text-ink">
          O que o Lastro guarda, e por quanto tempo
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            Base legal de cada lead: legítimo interesse, pelo pedido de contato que a pessoa fez no portal (portal e
            horário ficam no lead).
          </li>
          <li>O corpo original de cada entrega dos portais: {RETENCAO_ENTREGAS_DIAS} dias.</li>
          <li>
            Nome, telefone, e-mail e textos de um lead sem atividade: {imobiliaria.configuracoes.retencaoMeses} meses
            (ajuste em{" "}
            <Link href="/configuracoes" className="text-brand-800 underline">
              Configurações
            </Link>
            ). Depois disso, só ficam os números das métricas.
          </li>
          <li>
            Cada exportação, eliminação e execução da retenção fica na{" "}
            <Link href="/configuracoes/auditoria" className="text-brand-800 underline">
              auditoria
            </Link>
            , sem dados pessoais.
          </li>
        </ul>
      </section>
    </div>
  );
}
