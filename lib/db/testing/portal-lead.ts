// Test support: a lead as a portal delivery leaves it, written by the very statement the intake
// sends (units/record-intake.ts), on its own instead of composed with the delivery's other writes.
import type { Db } from "../client";
import { planInsertLeadFromPortal, type Lead, type PortalLead } from "../queries/leads";
import { runBound } from "../wire/compiled-statement";

export async function insertPortalLead(db: Db, input: PortalLead): Promise<Lead> {
  const planned = planInsertLeadFromPortal(input);
  await runBound(db, planned.write);
  return planned.row;
}
