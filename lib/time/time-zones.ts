// IANA time zones as the runtime knows them: the check behind every stored `timezone` and the
// list an admin picks from.
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("pt-BR", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every zone the runtime supports ("America/Sao_Paulo", "America/Manaus"…), Brazil's first. `atual`
 * (the stored one) is always in the list: an alias the runtime lists under another name ("UTC",
 * "Brazil/East") must not be silently swapped for the first option when the form is saved.
 */
export function listTimeZones(atual?: string): string[] {
  const todos = Intl.supportedValuesOf("timeZone");
  const brasil = todos.filter((z) => BRASIL.has(z));
  const lista = [...brasil, ...todos.filter((z) => !BRASIL.has(z))];
  return atual && !lista.includes(atual) ? [atual, ...lista] : lista;
}

const BRASIL = new Set([
  "America/Sao_Paulo",
  "America/Bahia",
  "America/Fortaleza",
  "America/Recife",
  "America/Belem",
  "America/Maceio",
  "America/Araguaina",
  "America/Manaus",
  "America/Cuiaba",
  "America/Campo_Grande",
  "America/Porto_Velho",
  "America/Boa_Vista",
  "America/Rio_Branco",
  "America/Eirunepe",
  "America/Santarem",
  "America/Noronha",
]);
