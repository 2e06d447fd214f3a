/** "1 mensagem", "2 mensagens", "0 mensagens": pt-BR counts with their noun. */
export function plural(n: number, um: string, varios: string): string {
  return `${n} ${n === 1 ? um : varios}`;
}
