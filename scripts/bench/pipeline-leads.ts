// The pipeline benchmark's traffic: N portal deliveries in three kinds (hot visit requests, warm
// WhatsApp clicks, cold bare forms), each with its own id, phone and e-mail so none links to another.
import { authHeaders, deliveryRequest, fixture } from "@/app/api/webhooks/portais/testing/webhook-agency";
import { POST } from "@/app/api/webhooks/portais/[...rota]/route";

export type LeadKind = "quente" | "morno" | "frio";
/** startedAt: before the call; answeredAt: when the route handler's answer was read. */
export type PostedLead = { kind: LeadKind; leadId: string; startedAt: number; answeredAt: number; status: number };

const FIXTURES: Record<LeadKind, Record<string, unknown>> = {
  quente: fixture("grupo-olx-lead-visit-request.json"),
  // Média + WhatsApp click + mobile + e-mail + rent band ≈ 48: warm (40–69) with the default settings.
  morno: fixture("grupo-olx-lead-whatsapp-click.json"),
  // Baixa + form + mobile + sale band, no message ≈ 30: cold.
  frio: { ...fixture("grupo-olx-lead-contact-form.json"), message: "", temperature: "Baixa" },
};
const KINDS: LeadKind[] = ["quente", "morno", "frio"];

export function leadKind(i: number): LeadKind {
  return KINDS[i % KINDS.length]!;
}

function leadBody(runId: string, i: number): string {
  const kind = leadKind(i);
  return JSON.stringify({
    ...FIXTURES[kind],
    originLeadId: `bench-${runId}-${i}`,
    name: `Lead ${kind} ${i}`,
    phoneNumber: `1198${String(i).padStart(7, "0")}`,
    email: kind === "frio" ? "" : `lead.${runId}.${i}@example.com`,
  });
}

/** Posts one delivery through the real route handler, in process; the clock starts before the call. */
async function postLead(slug: string, runId: string, i: number): Promise<PostedLead> {
  const startedAt = Date.now();
  const request = deliveryRequest("grupo-olx", slug, leadBody(runId, i), authHeaders("grupo-olx"));
  const res = await POST(request, { params: Promise.resolve({ rota: ["grupo-olx", slug] }) });
  const json = (await res.json()) as { leadId?: string };
  return { kind: leadKind(i), leadId: json.leadId ?? "", startedAt, answeredAt: Date.now(), status: res.status };
}

/**
 * Posts `count` deliveries with at most `concurrency` in flight; with `ratePerSecond` > 0, delivery i
 * is not sent before i / rate seconds (portals deliver at their own pace), otherwise back to back.
 */
export async function postLeads(opts: {
  slug: string;
  runId: string;
  count: number;
  concurrency: number;
  ratePerSecond: number;
}): Promise<PostedLead[]> {
  const posted: PostedLead[] = [];
  let next = 0;
  const start = Date.now();
  const worker = async () => {
    while (next < opts.count) {
      const i = next++;
      if (opts.ratePerSecond > 0) {
        const wait = start + (i * 1000) / opts.ratePerSecond - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      posted.push(await postLead(opts.slug, opts.runId, i));
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.count) }, worker));
  return posted;
}
