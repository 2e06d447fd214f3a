// A dashboard form bound to its server action. React resets a form after its action, which would wipe
// what was typed when the save is refused: submit by hand instead, and reset the form (to the values the
// page now renders) only after a save that went through, when the form holds `formRef`.
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";

export function useAcaoFormulario<S extends { ok: boolean }>(
  acao: (prev: S, form: FormData) => Promise<S>,
  inicial: S,
) {
  const [estado, enviar, enviando] = useActionState<S, FormData>(acao, inicial as Awaited<S>);
  const formRef = useRef<HTMLFormElement>(null);
  const submeter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const dados = new FormData(e.currentTarget);
    startTransition(() => enviar(dados));
  };
  useEffect(() => {
    if (estado.ok) formRef.current?.reset();
  }, [estado]);
  // `enviar` stays the form's `action`, so the form still posts without JavaScript.
  return { estado, enviar, enviando, formRef, submeter };
}
