// The rules engine's words, over text from normalizeMessage (no accents, lower case, slang spelled
// out). Stems with \w* take typos' endings ("financiar", "finaciamento"); each list is a regex source.
import type { Intencao, Objecao } from "@/lib/domain/analise-conversa";

/** Whole words: the pattern may not start or end inside a word ("visita" never in "visitante"). */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join("|")})(?![a-z0-9])`);
}

const IMOVEL = "(?:imovel|apartamento|casa|sobrado|cobertura|unidade|sala|terreno|local|kitnet|studio|loft)";

/** Earlier entries win when a message shows several intents (a visit asked beats a price asked). */
export const INTENT_RULES: { intencao: Exclude<Intencao, "outro">; pattern: RegExp }[] = [
  {
    intencao: "desistencia",
    pattern: words(
      "nao (?:tenho|tem|temos|estou|esta) mais interess\\w*",
      "(?:perdi|perdeu|sem) (?:o )?interesse",
      "nao (?:quero|queremos|preciso|precisamos) mais",
      "desist\\w*",
      "(?:fechei|fechou|fechamos|comprei|comprou|compramos|aluguei|alugou|alugamos) (?:com |em |na |o |a )?(?:outr\\w*|planta)",
      "ja (?:comprei|comprou|compramos|aluguei|alugou|alugamos|encontrei|encontramos|achei|achamos) (?:outr\\w*|um|uma)",
      "tira\\w* (?:o )?meu (?:nome|numero|contato)",
      "deixa\\w* (?:para|por) la",
      "nao me (?:ligue|liguem|procure|procurem|chame) mais",
    ),
  },
  {
    intencao: "visita",
    pattern: words(
      "vi[sz]it(?:a|as|ar|o|amos|aremos|armos|ei|ou)",
      "agend\\w*",
      "remarc\\w*",
      "marcar (?:uma |um )?(?:visita|horario|hora)",
      `conhecer (?:o |a |esse |essa |este |esta |seu |sua )?${IMOVEL}`,
      `ver (?:o |a |esse |essa |este |esta )?${IMOVEL}`,
      "(?:ir|passar|dar uma passada) (?:ai|la)",
      "conhecer pessoalmente",
    ),
  },
  {
    intencao: "permuta",
    pattern: words("permut\\w*", "troca\\w*", "parte (?:do |de )?pagamento", "dar (?:na|como|em) (?:troca|entrada)"),
  },
  {
    intencao: "financiamento",
    pattern: words(
      "finac\\w*",
      "finan\\w*",
      "fgts",
      "carta de credito",
      "credito (?:imobiliario|aprovado|pre aprovado)",
      "(?:aprovou|aprovaram|aprovado|negou|negaram) (?:o |meu |nosso )?credito",
      "minha casa minha vida",
      "mcmv",
      "casa verde (?:e )?amarela",
      "simula\\w*",
      "(?:valor|valores) da entrada",
      "parcela\\w*",
      "consorcio",
    ),
  },
  {
    intencao: "preco_negociacao",
    pattern: words(
      "propost\\w*",
      "contraproposta",
      "negoci\\w*",
      "desconto\\w*",
      "(?:menor|melhor|ultimo) (?:valor|preco)",
      "(?:valor|preco) (?:final|minimo|alto|salgado|acima)",
      "(?:pagamento|pagar|pago|pagaria|compra|comprar|compro|valor|mil) a vista",
      "a vista tem",
      "(?:baixar|abaixar|reduzir|diminuir) (?:uns |o |um )?(?:pouco|valor|preco|\\d+)",
      "(?:qual|quanto) (?:e |seria |fica )?(?:o |a )?(?:valor|preco)",
      "quanto custa",
      "oferta",
    ),
  },
  {
    intencao: "disponibilidade",
    pattern: words(
      "disponive\\w*",
      "ja (?:foi )?(?:vendid|alugad)\\w*",
      "(?:ainda|continua) (?:esta |e )?(?:a venda|para (?:alugar|vender|venda|locacao)|a locacao|anunciad\\w*)",
      "(?:ainda|continuam?) (?:vende\\w*|aluga\\w*)",
      "ainda (?:tem|existe|esta)$",
    ),
  },
  {
    intencao: "interesse",
    pattern: words(
      "interess\\w*",
      "me (?:liga|ligue|liguem|chama|chame|chamem|retorna|retorne|retornem|responde|responda)",
      "(?:aguardo|aguardando|espero) (?:o |seu |um )?(?:contato|retorno)",
      "mais (?:informac\\w*|detalhes|info)",
      "saber mais",
      "(?:quero|queremos|gostaria de|pretendo) (?:comprar|alugar)",
      "procurando",
      "(?:quer|quero|queremos) fechar",
    ),
  },
];

/** Features people ask about: a question on one of these is a dúvida even beside another word. */
export const DUVIDA_TOPIC = words(
  "condominio",
  "iptu",
  "pet\\w*",
  "animal\\w*",
  "cachorro",
  "gato",
  "vagas?",
  "garagem",
  "metragem",
  "metros quadrados",
  "tamanho",
  "quartos?",
  "suites?",
  "banheiros?",
  "armarios?",
  "documenta\\w*",
  "escritura",
  "perto",
  "piscina",
  "elevador",
  "andar",
  "mobiliad\\w*",
  "sol da manha",
);

export const QUESTION = words(
  "pergunt\\w*",
  "(?:gostaria|queria|quero) (?:de )?saber",
  "saber se",
  "duvida\\w*",
  "qual",
  "quais",
  "quanto",
  "quantos",
  "quantas",
  "como",
  "onde",
);

export const OBJECTION_RULES: { objecao: Objecao; pattern: RegExp }[] = [
  {
    objecao: "preco",
    pattern: words(
      "caro",
      "carissimo",
      "(?:valor|preco) (?:alto|salgado|puxado|acima)",
      "(?:fora|acima) do (?:meu |nosso )?orcamento",
      "nao cabe no (?:meu |nosso )?(?:bolso|orcamento)",
    ),
  },
  {
    objecao: "localizacao",
    pattern: words(
      "longe",
      "distante",
      "(?:bairro|regiao|rua) (?:e |eh )?(?:muito )?(?:perigos\\w*|violent\\w*|ruim)",
      "localizacao (?:ruim|pessima)",
      "transito",
    ),
  },
  {
    objecao: "tamanho",
    pattern: words(
      "pequen\\w*",
      "apertad\\w*",
      "pouco espaco",
      "(?:falta|faltou|precisa de mais|so tem) (?:um |uma )?(?:quarto|vaga|banheiro)\\w*",
    ),
  },
  {
    objecao: "condicoes",
    pattern: words(
      "(?:condominio|iptu) (?:e |eh )?(?:muito )?(?:alto|caro|salgado)",
      "(?:nao tem|sem) elevador",
      "reforma\\w*",
      "barulh\\w*",
      "mofo",
      "infiltra\\w*",
      "(?:mal|pessimo) estado",
    ),
  },
  {
    objecao: "prazo",
    pattern: words("prazo\\w*", "(?:entrega|pronto|fica pronto) (?:so )?(?:em|no|para)", "muito tempo"),
  },
  {
    objecao: "credito",
    pattern: words(
      "credito (?:negado|reprovado)",
      "(?:negou|negaram|nao aprovou|reprovou) (?:o |meu )?credito",
      "nome sujo",
      "restricao",
    ),
  },
  {
    objecao: "documentacao",
    pattern: words(
      "(?:sem|nao tem|nao possui) (?:escritura|habite\\w*)",
      "(?:documentacao|documentos) (?:irregular|pendente)\\w*",
      "inventario",
    ),
  },
];

export const URGENCIA = words("urgente", "urgencia", "hoje", "mudanca", "mudar", "o quanto antes", "imediat\\w*");

export const NEGATIVO = words(
  "nao gostei",
  "nao gostamos",
  "pessim\\w*",
  "horrivel",
  "absurd\\w*",
  "ruim",
  "decepcion\\w*",
  "chatead\\w*",
  "infelizmente",
  "ninguem (?:me )?(?:respondeu|responde|retornou|retorna|atendeu|apareceu)",
  "sem resposta",
  "demor\\w*",
  "reclam\\w*",
  "golpe",
  "descaso",
  "falta de respeito",
);

export const POSITIVO = words(
  "adorei",
  "adorou",
  "amei",
  "amou",
  "gostei",
  "gostou",
  "gostamos",
  "perfeit\\w*",
  "otim\\w*",
  "excelente",
  "maravilh\\w*",
  "lind\\w*",
  "top",
  "show",
  "sensacional",
  "incrivel",
  "obrigad\\w*",
  "agradec\\w*",
  "animad\\w*",
  "encantad\\w*",
);

// Read from the raw text: normalizeMessage drops them.
export const EMOJI_POSITIVO = /[😍🥰😊😀😃😄😁🙂👍👏🙌🎉❤💙💚]/u;
export const EMOJI_NEGATIVO = /[😡😠🤬👎😤😞😒😢😭]/u;
