// The suite's traffic: real HTTP deliveries in the OLX group's shape (lib/portals/fixtures) to the
// running app, as a portal sends them. Every lead has its own id, phone, e-mail and a name whose
// surname the log check looks for (log-scan.ts); a refused or failed delivery is kept for a retry.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ScenarioAgency } from "./seed";

export type LeadKind = "quente" | "morno" | "frio";

/** The surname of every suite lead: log-scan.ts fails the run if it reaches a log line. */
export const LEAD_SURNAME = "Sigilosinho";
const FIRST_NAMES = ["Marina", "Rogério", "Tânia", "Heitor", "Lívia", "Otávio", "Cecília", "Bruno"];

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(process.cwd(), "lib/portals/fixtures", name), "utf8"));

const FIXTURES: Record<LeadKind, Record<string, unknown>> = {
  quente: fixture("grupo-olx-lead-visit-request.json"),
  morno: fixture("grupo-olx-lead-whatsapp-click.json"),
  frio: { ...fixture("grupo-olx-lead-contact-form.json"), message: "", temperature: "Baixa" },
};

export type Lead = { i: number; kind: LeadKind; phone: string; email: string; name: string; body: string };

/** Lead `i` of scenario `index` (1–9): DDD 31 numbers, never a broker's (they are DDD 21, seed.ts). */
export function makeLead(index: number, runId: string, i: number, kind: LeadKind): Lead {
  const national = `319${index}${String(i).padStart(7, "0")}`;
  const email = `cliente.${runId}.${index}.${i}@exemplo.com.br`;
  const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LEAD_SURNAME}`;
  const body = JSON.stringify({
    ...FIXTURES[kind],
    originLeadId: `conf-${runId}-${index}-${i}`,
    name,
    ddd: "31",
    phone: national.slice(2),
    phoneNumber: national,
    email,
  });
  return { i, kind, phone: `+55${national}`, email, name, body };
}

export type Delivery = { lead: Lead; status: number | null; leadId: string | null; error: string | null };

export async function deliver(baseUrl: string, agency: ScenarioAgency, lead: Lead): Promise<Delivery> {
  try {
    const res = await fetch(`${baseUrl}/api/webhooks/portais/grupo-olx/${agency.slug}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`vivareal:${agency.secret}`).toString("base64")}`,
      },
      body: lead.body,
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json().catch(() => ({}))) as { leadId?: string };
    return { lead, status: res.status, leadId: json.leadId ?? null, error: null };
  } catch (err) {
    return { lead, status: null, leadId: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Delivers `leads` with at most `concurrency` in flight; `onDelivered` sees each answer as it comes. */
export async function deliverAll(
  baseUrl: string,
  agency: ScenarioAgency,
  leads: Lead[],
  o: { concurrency: number; onDelivered?: (d: Delivery, done: number) => void | Promise<void> },
): Promise<Delivery[]> {
  const out: Delivery[] = [];
  let next = 0;
  const worker = async () => {
    while (next < leads.length) {
      const lead = leads[next++]!;
      const d = await deliver(baseUrl, agency, lead);
      out.push(d);
      await o.onDelivered?.(d, out.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, leads.length) }, worker));
  return out;
}

export const accepted = (d: Delivery) => d.status !== null && d.status >= 200 && d.status < 300;
