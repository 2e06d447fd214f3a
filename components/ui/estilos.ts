// The dashboard's shared looks, as class strings (for a <button>, a link, an <input> or a <select>
// alike), so every form and button has the same visible focus, size and contrast.
export const foco = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export const botaoPrimario = `inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800 disabled:opacity-60 ${foco}`;
export const botaoSecundario = `inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-ink shadow-sm hover:bg-slate-50 disabled:opacity-60 ${foco}`;

/** An input or select under its label. 16 px text on a phone, or iOS zooms into the field. */
export const campo = `mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-ink shadow-sm sm:text-sm ${foco}`;
export const rotuloCampo = "block min-w-0 text-sm font-medium text-ink";
