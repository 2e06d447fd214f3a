"use client";
// A "Copiar" button beside a value the user pastes elsewhere (a URL, a secret). The value stays
// selectable text too: without JavaScript or clipboard permission it is still copied by hand.
import { useState } from "react";
import { botaoSecundario } from "./estilos";

export function Copiar({ valor, rotulo = "Copiar" }: { valor: string; rotulo?: string }) {
  const [copiado, setCopiado] = useState(false);
  return (
    <button
      type="button"
      className={`${botaoSecundario} shrink-0`}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(valor);
          setCopiado(true);
          setTimeout(() => setCopiado(false), 2000);
        } catch {
          setCopiado(false);
        }
      }}
    >
      <span aria-live="polite">{copiado ? "Copiado" : rotulo}</span>
    </button>
  );
}
