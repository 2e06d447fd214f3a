import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Lastro",
  description: "Assistente de WhatsApp com IA para corretores de imóveis",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, the not-found page too: Next.js puts the Content-Security-Policy
  // nonce (proxy.ts, fresh per response) on its scripts only when it renders; a page built ahead
  // would carry scripts the policy blocks.
  await connection();
  return (
    <html lang="pt-BR">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
