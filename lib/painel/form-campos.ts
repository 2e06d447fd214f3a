// Reading a posted form's fields for a server action: a missing field is undefined (the schema says
// what that means) and an empty number box is NaN, which the schema answers with "Informe um número.".
export function campoTexto(form: FormData, nome: string): string | undefined {
  const v = form.get(nome);
  return typeof v === "string" ? v : undefined;
}

export function campoNumero(form: FormData, nome: string): number {
  const v = campoTexto(form, nome);
  return v === undefined || v.trim() === "" ? Number.NaN : Number(v);
}

/** Fields named `<prefixo><chave>` ("peso:cor_1", "template:alerta.comBotoes") as { chave: value }. */
export function camposComPrefixo(form: FormData, prefixo: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [nome, v] of form.entries())
    if (nome.startsWith(prefixo) && typeof v === "string") out[nome.slice(prefixo.length)] = v;
  return out;
}
