// The public home page: what Lastro does and the way into the dashboard. It reads nothing from the
// database: agencies, counts and the services in use are for logged-in users (/visao-geral) and
// for monitoring (/api/health), not for anyone who finds the address.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = {
  title: "Lastro · leads dos portais no WhatsApp do corretor certo",
  description:
    "O Lastro recebe os leads dos portais imobiliários, escolhe o corretor e avisa pelo WhatsApp na hora certa, sem passar do limite de mensagens de cada um.",
};

const RECURSOS = [
  {
    titulo: "Todos os portais, uma só entrada",
    texto:
      "Grupo OLX (ZAP, Viva Real, OLX), Imovelweb, Chaves na Mão e qualquer site que envie JSON. Cada lead é gravado antes da resposta ao portal: nenhum se perde.",
  },
  {
    titulo: "O corretor certo, na hora certa",
    texto:
      "Roleta com pesos, dono do imóvel ou corretor fixo; respeita o horário de atendimento, as pausas e o limite diário de mensagens de cada um.",
  },
  {
    titulo: "Alertas no WhatsApp com botões",
    texto:
      "Lead quente avisa na hora, os mornos chegam agrupados, os frios vão para o resumo do dia. O corretor responde “Já contatei”, “Passar adiante” ou “Lembrar em 1h”.",
  },
  {
    titulo: "Painel para quem gerencia",
    texto:
      "Leads, mensagens e corretores da imobiliária em um lugar, com telefones mascarados. Cada corretor vê só os próprios leads.",
  },
] as const;

const PASSOS = [
  { titulo: "O portal envia o lead", texto: "Pelo webhook da sua imobiliária, com a credencial de cada portal." },
  {
    titulo: "O Lastro qualifica e encaminha",
    texto: "Pontua o interesse, reconhece quem já perguntou antes e escolhe o corretor.",
  },
  { titulo: "O corretor recebe no WhatsApp", texto: "Com nome, imóvel, pergunta e o contato, pronto para ligar." },
  { titulo: "Você acompanha no painel", texto: "O que chegou, quem foi avisado e o que ainda espera contato." },
] as const;

/** What a broker receives, drawn as a WhatsApp message (an illustration, not anyone's data). */
function AlertaExemplo() {
  return (
    <figure className="mx-auto w-full max-w-sm" aria-label="Exemplo de alerta no WhatsApp">
      <div className="rounded-3xl bg-[#e7ded5] p-4 shadow-lg ring-1 ring-black/5">
        <div className="rounded-2xl rounded-tl-sm bg-white p-4 text-sm leading-6 text-ink shadow-sm">
          <p className="font-semibold">Novo lead: Marina</p>
          <p>Portal: ZAP Imóveis</p>
          <p>Imóvel: Apartamento 2 quartos – Pinheiros</p>
          <p>Pediu: “Posso visitar no sábado de manhã?”</p>
          <p className="mt-2 font-semibold">Score 86 · Por que 86?</p>
          <p className="text-muted">• Portal marcou o lead como quente (Alta): +30</p>
          <p className="text-muted">• Pediu uma visita pelo portal: +25</p>
          <p className="text-muted">• Deixou e-mail: +3</p>
          <p className="mt-2 text-right text-xs text-muted">09:14</p>
        </div>
        <div className="mt-1.5 grid grid-cols-3 gap-1.5 text-center text-xs font-semibold text-[#027eb5]">
          {["Já contatei", "Passar adiante", "Lembrar em 1h"].map((b) => (
            <span key={b} className="rounded-xl bg-white px-1 py-2 shadow-sm">
              {b}
            </span>
          ))}
        </div>
      </div>
      <figcaption className="mt-3 text-center text-xs text-muted">Exemplo de alerta que o corretor recebe</figcaption>
    </figure>
  );
}

export default async function HomePage() {
  // Rendered per request like every page: the Content-Security-Policy nonce is per response.
  await connection();
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-slate-100">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
          <span className="text-xl font-bold tracking-tight text-brand-700">Lastro</span>
          <Link
            href="/login"
            data-testid="entrar-no-painel"
            className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Entrar
          </Link>
        </div>
      </header>

      <main>
        <section className="bg-gradient-to-b from-brand-50 to-white">
          <div className="mx-auto grid max-w-6xl items-center gap-12 px-6 py-16 sm:py-20 lg:grid-cols-[1fr_22rem]">
            <div>
              <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
                Assistente de WhatsApp para imobiliárias
              </p>
              <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-ink sm:text-5xl">
                Cada lead dos portais com o corretor certo, no WhatsApp, na hora certa
              </h1>
              <p className="mt-6 max-w-2xl text-lg text-muted">
                O Lastro recebe os leads do ZAP, Viva Real, OLX e outros portais, escolhe quem atende, avisa pelo
                WhatsApp e acompanha cada atendimento até o primeiro contato.
              </p>
              <div className="mt-8 flex flex-wrap items-center gap-4">
                <Link
                  href="/login"
                  className="rounded-lg bg-brand-700 px-5 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  Entrar no painel
                </Link>
                <a href="#como-funciona" className="text-base font-semibold text-brand-700 hover:text-brand-600">
                  Como funciona →
                </a>
              </div>
            </div>
            <AlertaExemplo />
          </div>
        </section>

        <section aria-labelledby="recursos" className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="recursos" className="text-2xl font-bold tracking-tight text-ink">
            Feito para o dia a dia do corretor
          </h2>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2">
            {RECURSOS.map((r) => (
              <li key={r.titulo} className="rounded-2xl border border-slate-200 bg-surface p-6">
                <h3 className="text-lg font-semibold text-ink">{r.titulo}</h3>
                <p className="mt-2 text-sm leading-6 text-muted">{r.texto}</p>
              </li>
            ))}
          </ul>
        </section>

        <section
          id="como-funciona"
          aria-labelledby="como-funciona-titulo"
          className="border-t border-slate-100 bg-surface"
        >
          <div className="mx-auto max-w-6xl px-6 py-16">
            <h2 id="como-funciona-titulo" className="text-2xl font-bold tracking-tight text-ink">
              Como funciona
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {PASSOS.map((p, i) => (
                <li key={p.titulo} className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
                  <span className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-sm font-bold text-brand-800">
                    {i + 1}
                  </span>
                  <h3 className="mt-4 font-semibold text-ink">{p.titulo}</h3>
                  <p className="mt-2 text-sm leading-6 text-muted">{p.texto}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>
      </main>

      <footer className="border-t border-slate-100">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-6 py-8 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
          <span>
            <span className="font-semibold text-brand-700">Lastro</span> · assistente de WhatsApp para corretores de
            imóveis
          </span>
          <span>Acesso ao painel com o e-mail e a senha cadastrados pela sua imobiliária.</span>
        </div>
      </footer>
    </div>
  );
}
