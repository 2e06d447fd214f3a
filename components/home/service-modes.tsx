import type { DbDriver, KvDriver } from "@/lib/env";

const DB_LABELS: Record<DbDriver, { name: string; detail: string }> = {
  pglite: { name: "PGlite embutido", detail: "arquivo local; nenhuma variável de ambiente necessária" },
  postgres: { name: "PostgreSQL", detail: "conectado por DATABASE_URL" },
  neon: { name: "Neon (serverless)", detail: "conectado por DATABASE_URL" },
};

const KV_LABELS: Record<KvDriver, { name: string; detail: string }> = {
  memory: { name: "Em memória", detail: "embutido; é zerado quando o servidor reinicia" },
  redis: { name: "Redis", detail: "conectado por REDIS_URL" },
  "vercel-kv": { name: "Vercel KV", detail: "conectado por KV_REST_API_URL" },
};

function ModeCard({ title, name, detail, testId, driver }: { title: string; name: string; detail: string; testId: string; driver: string }) {
  return (
    <div className="rounded-2xl border border-brand-100 bg-white p-5 shadow-sm">
      <dt className="text-sm font-medium text-muted">{title}</dt>
      <dd className="mt-1 text-lg font-semibold text-ink" data-testid={testId} data-driver={driver}>
        {name}
      </dd>
      <dd className="mt-1 text-xs text-muted">{detail}</dd>
    </div>
  );
}

/** Which database and KV this instance runs on: the embedded defaults or the real services. */
export function ServiceModes({ db, kv }: { db: DbDriver; kv: KvDriver }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      <ModeCard title="Banco de dados" testId="db-driver" driver={db} {...DB_LABELS[db]} />
      <ModeCard title="Cache (KV)" testId="kv-driver" driver={kv} {...KV_LABELS[kv]} />
    </dl>
  );
}
