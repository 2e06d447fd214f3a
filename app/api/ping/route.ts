// GET|POST /api/ping – answers at once without touching the database: a liveness probe, and the
// benchmark's baseline for "an empty route handler on the same server".
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}

export async function POST(request: Request) {
  await request.arrayBuffer(); // read the body like a real handler would, then do nothing
  return Response.json({ ok: true });
}
