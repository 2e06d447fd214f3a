// A form field's pt-BR error, right under it, tied to the field for screen readers (aria-describedby).
export function ErroCampo({ campo, erros }: { campo: string; erros?: Record<string, string> }) {
  const texto = erros?.[campo];
  return texto ? (
    <p id={`erro-${campo}`} data-testid={`erro-${campo}`} className="mt-1 text-sm text-red-700">
      {texto}
    </p>
  ) : null;
}

/** The attributes that mark a field invalid and point it to its ErroCampo. */
export const descrito = (campo: string, erros?: Record<string, string>) =>
  erros?.[campo] ? { "aria-invalid": true, "aria-describedby": `erro-${campo}` } : {};
