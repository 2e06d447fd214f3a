// Realistic pt-BR messages as portals, brokers and leads write them (typos, slang, no accents, CAPS,
// emojis), each with the intent and sentiment a broker would give it. Written before the rules, and
// not edited to fit them: the accuracy test reports what the engine gets right here.
import type { Intencao, Sentimento } from "@/lib/domain/analise-conversa";

export type LabelledMessage = {
  origem: "portal" | "nota" | "whatsapp";
  texto: string;
  intencao: Intencao;
  sentimento: Sentimento;
};

export const LABELLED_MESSAGES: LabelledMessage[] = [
  // Portal inquiries
  {
    origem: "portal",
    texto: "Olá, gostaria de agendar uma visita a este imóvel.",
    intencao: "visita",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "qro visitar o ap amanha de manha, pode ser?", intencao: "visita", sentimento: "neutro" },
  { origem: "portal", texto: "Boa tarde! Tem como ver o apto no sábado?", intencao: "visita", sentimento: "neutro" },
  { origem: "portal", texto: "GOSTARIA DE CONHECER O IMOVEL ESSA SEMANA", intencao: "visita", sentimento: "neutro" },
  { origem: "portal", texto: "Oi, posso ir ai ver a casa hj a tarde? 🏠", intencao: "visita", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Adorei as fotos!! 😍 Quero muito visitar, quando vc pode?",
    intencao: "visita",
    sentimento: "positivo",
  },
  { origem: "portal", texto: "vizita pfv, estou procurando ap nessa regiao", intencao: "visita", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Olá, vi o anúncio no ZAP. Consigo marcar uma visita pro fds?",
    intencao: "visita",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "tem como financiar?", intencao: "financiamento", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Aceita financiamento pela Caixa? Tenho FGTS para a entrada.",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "o imovel aceita finaciamento bancario?",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Da pra usar o fgts? ja tenho carta de credito aprovada",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Ola, é possivel financiar pelo minha casa minha vida?",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Qual o valor da entrada e das parcelas?",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "aceita permuta?", intencao: "permuta", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Tenho um terreno em Atibaia, aceitam permuta por ele?",
    intencao: "permuta",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Pego meu carro como parte do pagamento, aceita troca?",
    intencao: "permuta",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Aceita apartamento menor como parte de pagamento?",
    intencao: "permuta",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "Qual o menor valor? Pago à vista.", intencao: "preco_negociacao", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "O proprietario aceita proposta? Achei um pouco caro",
    intencao: "preco_negociacao",
    sentimento: "negativo",
  },
  {
    origem: "portal",
    texto: "tem desconto pra pagamento a vista?",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Quero fazer uma proposta de 480 mil.",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "da pra negociar o valor?? 🙏", intencao: "preco_negociacao", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Qual o preço final? O anúncio não mostra.",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "Esse imóvel ainda está disponível?", intencao: "disponibilidade", sentimento: "neutro" },
  { origem: "portal", texto: "ainda ta disponivel?", intencao: "disponibilidade", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "O apartamento já foi vendido ou ainda está à venda?",
    intencao: "disponibilidade",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Continua para alugar? Preciso mudar mês que vem",
    intencao: "disponibilidade",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "Quanto é o condomínio e o IPTU?", intencao: "duvida", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Aceita pet? Tenho um cachorro de porte médio.",
    intencao: "duvida",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Quantas vagas de garagem tem? E é perto do metrô?",
    intencao: "duvida",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "a documentação está ok? tem escritura?", intencao: "duvida", sentimento: "neutro" },
  { origem: "portal", texto: "Qual o tamanho da suíte? tem armarios?", intencao: "duvida", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Olá, tenho interesse neste imóvel. Aguardo contato.",
    intencao: "interesse",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Olá! Tenho interesse no imóvel anunciado e gostaria de mais informações.",
    intencao: "interesse",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "Me liga por favor, tenho interesse", intencao: "interesse", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Lindo demais esse ap! Quero saber mais 😊",
    intencao: "interesse",
    sentimento: "positivo",
  },
  { origem: "portal", texto: "oi, me chama no zap", intencao: "interesse", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Estou procurando casa com 3 quartos no bairro, esse me interessou",
    intencao: "interesse",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Mandei mensagem ontem e ninguem respondeu. Vcs ainda vendem esse imovel??",
    intencao: "disponibilidade",
    sentimento: "negativo",
  },
  // WhatsApp replies from the lead
  { origem: "whatsapp", texto: "Não tenho mais interesse, obrigado.", intencao: "desistencia", sentimento: "negativo" },
  {
    origem: "whatsapp",
    texto: "nao tenho mais interece, ja comprei outro",
    intencao: "desistencia",
    sentimento: "negativo",
  },
  {
    origem: "whatsapp",
    texto: "Desisti, achei muito caro pra regiao",
    intencao: "desistencia",
    sentimento: "negativo",
  },
  {
    origem: "whatsapp",
    texto: "Pode tirar meu nome da lista, não quero mais",
    intencao: "desistencia",
    sentimento: "negativo",
  },
  {
    origem: "whatsapp",
    texto: "Vamos deixar pra lá, fechei com outra imobiliária",
    intencao: "desistencia",
    sentimento: "negativo",
  },
  {
    origem: "whatsapp",
    texto: "Perfeito, sábado às 10h está ótimo pra visita! 👍",
    intencao: "visita",
    sentimento: "positivo",
  },
  {
    origem: "whatsapp",
    texto: "Amei o apartamento!!! Quero fazer uma proposta",
    intencao: "preco_negociacao",
    sentimento: "positivo",
  },
  {
    origem: "whatsapp",
    texto: "Consegue baixar uns 20 mil? Aí fechamos",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  {
    origem: "whatsapp",
    texto: "Gostei, mas o quarto é pequeno demais pra gente",
    intencao: "outro",
    sentimento: "negativo",
  },
  { origem: "whatsapp", texto: "muito longe do meu trabalho infelizmente", intencao: "outro", sentimento: "negativo" },
  {
    origem: "whatsapp",
    texto: "Obrigada pelo retorno! Vou conversar com meu marido e te falo",
    intencao: "outro",
    sentimento: "positivo",
  },
  { origem: "whatsapp", texto: "O banco aprovou meu crédito!! 🎉", intencao: "financiamento", sentimento: "positivo" },
  { origem: "whatsapp", texto: "Pode remarcar a visita pra quinta?", intencao: "visita", sentimento: "neutro" },
  {
    origem: "whatsapp",
    texto: "Que absurdo, ninguém apareceu na visita. Péssimo atendimento 😡",
    intencao: "visita",
    sentimento: "negativo",
  },
  { origem: "whatsapp", texto: "ok", intencao: "outro", sentimento: "neutro" },
  { origem: "whatsapp", texto: "Qual a metragem exata da sala?", intencao: "duvida", sentimento: "neutro" },
  // Broker notes
  { origem: "nota", texto: "Liguei 2x e não atendeu. Tento de novo amanhã.", intencao: "outro", sentimento: "neutro" },
  {
    origem: "nota",
    texto: "Cliente quer visitar sábado de manhã, confirmar com o proprietário",
    intencao: "visita",
    sentimento: "neutro",
  },
  {
    origem: "nota",
    texto: "Cliente achou o valor alto, vai pensar. Sugerir o ap do 5º andar.",
    intencao: "preco_negociacao",
    sentimento: "negativo",
  },
  {
    origem: "nota",
    texto: "Quer financiar 80%, pedi os documentos para simulação",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  {
    origem: "nota",
    texto: "Visita realizada, cliente adorou a varanda. Vai mandar proposta.",
    intencao: "preco_negociacao",
    sentimento: "positivo",
  },
  {
    origem: "nota",
    texto: "Cliente desistiu, comprou na planta com outra construtora",
    intencao: "desistencia",
    sentimento: "negativo",
  },
  { origem: "nota", texto: "Tem um apto na praia e quer dar na permuta", intencao: "permuta", sentimento: "neutro" },
  {
    origem: "nota",
    texto: "Lead muito animado, quer fechar rápido. Mudança em 30 dias.",
    intencao: "interesse",
    sentimento: "positivo",
  },
  {
    origem: "nota",
    texto: "Reclamou que o condomínio é caro e o prédio não tem elevador",
    intencao: "outro",
    sentimento: "negativo",
  },
  {
    origem: "nota",
    texto: "Perguntou se aceita pet e se o condomínio tem piscina",
    intencao: "duvida",
    sentimento: "neutro",
  },
];

/**
 * Written after the rules, and never run against them before being committed: the honest figure.
 * The test prints both sets' accuracy; the threshold applies to both together.
 */
export const HELD_OUT_MESSAGES: LabelledMessage[] = [
  {
    origem: "portal",
    texto: "Bom dia, teria horário pra eu dar uma olhada no imóvel amanhã?",
    intencao: "visita",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "quero ir conhecer, qual melhor dia?", intencao: "visita", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Olá, o valor anunciado é negociável?",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "Aceita carta de crédito de consórcio?", intencao: "financiamento", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Trabalho com permuta de imóveis, tenho uma casa em Campinas",
    intencao: "permuta",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Esse ainda tá pra alugar? preciso urgente",
    intencao: "disponibilidade",
    sentimento: "neutro",
  },
  { origem: "portal", texto: "O prédio tem portaria 24h?", intencao: "duvida", sentimento: "neutro" },
  {
    origem: "portal",
    texto: "Tenho interesse. Meu número é esse mesmo, pode chamar",
    intencao: "interesse",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Q lindo!!! 😍😍 ainda ta disponivel?",
    intencao: "disponibilidade",
    sentimento: "positivo",
  },
  {
    origem: "portal",
    texto: "Qual o valor do aluguel com condomínio incluso?",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Gostaria de saber se o imóvel é aceito pela Caixa para financiamento",
    intencao: "financiamento",
    sentimento: "neutro",
  },
  {
    origem: "portal",
    texto: "Sou corretor parceiro, tenho cliente pra esse imóvel, fazemos parceria?",
    intencao: "interesse",
    sentimento: "neutro",
  },
  {
    origem: "whatsapp",
    texto: "Opa, blz! Amanhã 15h fica bom pra ver o ap",
    intencao: "visita",
    sentimento: "positivo",
  },
  {
    origem: "whatsapp",
    texto: "Já resolvi, comprei um apartamento em outro bairro. Obrigado!",
    intencao: "desistencia",
    sentimento: "negativo",
  },
  {
    origem: "whatsapp",
    texto: "Achei o preço muito salgado pro estado do imóvel",
    intencao: "preco_negociacao",
    sentimento: "negativo",
  },
  { origem: "whatsapp", texto: "Meu financiamento foi negado 😢", intencao: "financiamento", sentimento: "negativo" },
  { origem: "whatsapp", texto: "Fechado! Pode preparar o contrato", intencao: "outro", sentimento: "positivo" },
  {
    origem: "whatsapp",
    texto: "Não consigo essa semana, semana que vem te aviso",
    intencao: "outro",
    sentimento: "neutro",
  },
  {
    origem: "whatsapp",
    texto: "vcs são muito demorados, 3 dias sem resposta",
    intencao: "outro",
    sentimento: "negativo",
  },
  { origem: "whatsapp", texto: "A vaga de garagem é coberta?", intencao: "duvida", sentimento: "neutro" },
  {
    origem: "nota",
    texto: "Cliente pediu desconto de 5% para fechar à vista",
    intencao: "preco_negociacao",
    sentimento: "neutro",
  },
  { origem: "nota", texto: "Visita marcada para terça 10h", intencao: "visita", sentimento: "neutro" },
  { origem: "nota", texto: "Não atende nem responde mensagens há uma semana", intencao: "outro", sentimento: "neutro" },
  {
    origem: "nota",
    texto: "Cliente gostou muito, mas a esposa achou a cozinha pequena",
    intencao: "outro",
    sentimento: "negativo",
  },
  {
    origem: "nota",
    texto: "Quer trocar o apto dele na Mooca por esse, ver com o dono",
    intencao: "permuta",
    sentimento: "neutro",
  },
];
