// The page a short link shows when it cannot go on: plain HTML (a route handler's answer), pt-BR,
// readable on a phone, naming no lead.
const TEXTOS = {
  invalido: {
    titulo: "Link inválido",
    texto: "Este link não é um link do Lastro ou foi copiado pela metade. Abra o lead pelo painel.",
  },
  expirado: {
    titulo: "Este link expirou",
    texto: "Os links das mensagens valem por 7 dias. O lead continua no painel, com o contato e o histórico.",
  },
  repassado: {
    titulo: "Este lead está com outro corretor",
    texto: "O lead foi passado adiante depois desta mensagem, então o link não vale mais para você.",
  },
} as const;

export function shortLinkPage(kind: keyof typeof TEXTOS): string {
  const { titulo, texto } = TEXTOS[kind];
  return `<!doctype html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${titulo} · Lastro</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f8fafc; color: #0f172a; }
  main { max-width: 28rem; margin: 0 auto; padding: 4rem 1.5rem; text-align: center; }
  h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
  p { color: #475569; line-height: 1.5; margin: 0; }
  a { display: inline-block; margin-top: 1.75rem; padding: 0.75rem 1.25rem; border-radius: 0.5rem; background: #0f6b56; color: #fff; font-weight: 600; text-decoration: none; }
  a:focus-visible { outline: 3px solid #0f172a; outline-offset: 2px; }
</style>
</head>
<body>
<main data-testid="link-curto" data-motivo="${kind}">
<h1>${titulo}</h1>
<p>${texto}</p>
<a href="/leads">Abrir o painel</a>
</main>
</body>
</html>
`;
}
