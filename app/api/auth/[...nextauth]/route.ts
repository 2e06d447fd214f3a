// GET|POST /api/auth/* – Auth.js endpoints (session, csrf, callback, signout) for the dashboard login.
import { handlers } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

export const { GET, POST } = handlers;
