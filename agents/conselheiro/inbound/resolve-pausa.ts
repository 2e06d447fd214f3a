// "pausar", "pausar 2h", "pausar até 14h" → the instant the pause ends, in the agency's timezone.
// Plain "pausar" (or "até amanhã") lasts until the start of the broker's next working day.
import { TZDate } from "@date-fns/tz";
import type { Preferencias } from "@/lib/domain/preferencias";
import { nextDutyStart } from "@/lib/time/working-hours";
import type { PausaPedido } from "./parse-broker-reply";

type DutyPrefs = Pick<Preferencias, "horario" | "dias">;

export function resolvePausa(pausa: PausaPedido, prefs: DutyPrefs, now: Date, timezone: string): Date {
  const local = new TZDate(now.getTime(), timezone);
  switch (pausa.tipo) {
    case "duracao":
      return new Date(now.getTime() + pausa.minutos * 60_000);
    case "ate_hora": {
      const hoje = new TZDate(
        local.getFullYear(),
        local.getMonth(),
        local.getDate(),
        pausa.hora,
        pausa.minuto,
        0,
        timezone,
      );
      if (hoje.getTime() > now.getTime()) return new Date(hoje.getTime());
      const amanha = new TZDate(
        local.getFullYear(),
        local.getMonth(),
        local.getDate() + 1,
        pausa.hora,
        pausa.minuto,
        0,
        timezone,
      );
      return new Date(amanha.getTime());
    }
    case "ate_amanha": {
      const amanha = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, 0, 0, timezone);
      // The current pause is ignored: the new one replaces it.
      return nextDutyStart({ ...prefs, pausadoAte: null }, new Date(amanha.getTime()), timezone);
    }
  }
}
