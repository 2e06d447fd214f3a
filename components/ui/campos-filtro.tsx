// The fields every list's GET filter form shares: the broker picker (managers only) and the period.
// One place, so the name the query string carries ("corretor", "de", "ate") and the wording stay the same on every page.
import { campo, rotuloCampo } from "@/components/ui/estilos";

type CorretorOpcao = { id: string; nome: string };

type CampoCorretorProps = {
  corretores: readonly CorretorOpcao[];
  /** The selected broker id; null or "" = all. */
  valor: string | null | undefined;
  /** The label's layout classes, when the form is not a plain grid. */
  className?: string;
};

export function CampoCorretor({ corretores, valor, className = rotuloCampo }: CampoCorretorProps) {
  return (
    <label className={className}>
      Corretor
      <select name="corretor" defaultValue={valor ?? ""} className={campo} data-testid="filtro-corretor">
        <option value="">Todos os corretores</option>
        {corretores.map((c) => (
          <option key={c.id} value={c.id}>
            {c.nome}
          </option>
        ))}
      </select>
    </label>
  );
}

type CamposPeriodoProps = {
  /** The period's first and last São Paulo day (`2026-12-05`), as the date inputs send them. */
  de: string | null | undefined;
  ate: string | null | undefined;
  /** What the dates are of, e.g. "Recebido" → "Recebido de" / "Recebido até"; none = "De" / "Até". */
  prefixo?: string;
  className?: string;
};

export function CamposPeriodo({ de, ate, prefixo, className = rotuloCampo }: CamposPeriodoProps) {
  return (
    <>
      <label className={className}>
        {prefixo ? `${prefixo} de` : "De"}
        <input type="date" name="de" defaultValue={de ?? ""} className={campo} data-testid="filtro-de" />
      </label>
      <label className={className}>
        {prefixo ? `${prefixo} até` : "Até"}
        <input type="date" name="ate" defaultValue={ate ?? ""} className={campo} data-testid="filtro-ate" />
      </label>
    </>
  );
}
