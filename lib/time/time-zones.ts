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

/** Every zone the runtime supports ("America/Sao_Paulo", "America/Manaus"…), Brazil's first. */
export function listTimeZones(): string[] {
  const todos = Intl.supportedValuesOf("timeZone");
  const brasil = todos.filter((z) => BRASIL.has(z));
  return [...brasil, ...todos.filter((z) => !BRASIL.has(z))];
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
