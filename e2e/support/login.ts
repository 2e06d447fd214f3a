// Logs in through the real form, as a person would; the demo seeder's documented accounts.
import { expect, type Page } from "@playwright/test";

export const DEMO_LOGINS = {
  admin: { email: "admin@horizonte.demo", senha: "Admin#2026", nome: "Roberta Falcão", papel: "Administrador" },
  gestor: { email: "gestor@horizonte.demo", senha: "Gestor#2026", nome: "Henrique Bastos", papel: "Gestor" },
  corretor: {
    email: "corretor@horizonte.demo",
    senha: "Corretor#2026",
    nome: "Carla Menezes Duarte",
    papel: "Corretor",
  },
} as const;

export type DemoRole = keyof typeof DEMO_LOGINS;

/** `origem`: another server than the suite's (a spec that starts its own). */
export async function fillLogin(page: Page, email: string, senha: string, origem = ""): Promise<void> {
  await page.goto(`${origem}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(senha);
  await page.getByRole("button", { name: "Entrar" }).click();
}

export async function loginAs(page: Page, role: DemoRole): Promise<void> {
  const { email, senha } = DEMO_LOGINS[role];
  await fillLogin(page, email, senha);
  await expect(page).toHaveURL(/\/visao-geral$/);
}
