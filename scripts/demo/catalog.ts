// Raw material for the demo data: invented people, real São Paulo neighbourhoods with plausible
// prices, listing types and pt-BR portal messages. Data only; scripts/demo/generate-*.ts combine it.

export const PRIMEIROS_NOMES = [
  "Ana",
  "Ângela",
  "Antônio",
  "Adriana",
  "Beatriz",
  "Bruno",
  "Caio",
  "Camila",
  "Carlos",
  "Cauã",
  "Cecília",
  "Cláudio",
  "Conceição",
  "Daniela",
  "Davi",
  "Débora",
  "Diego",
  "Eduardo",
  "Elaine",
  "Érica",
  "Fábio",
  "Fernanda",
  "Flávia",
  "Gabriel",
  "Giovana",
  "Gustavo",
  "Heloísa",
  "Henrique",
  "Igor",
  "Isabela",
  "Ítalo",
  "Jéssica",
  "João",
  "Joana",
  "José",
  "Júlia",
  "Juliano",
  "Larissa",
  "Laura",
  "Leandro",
  "Letícia",
  "Lívia",
  "Lucas",
  "Luíza",
  "Marcelo",
  "Márcia",
  "Marcos",
  "Mariana",
  "Mário",
  "Matheus",
  "Mônica",
  "Natália",
  "Nicolas",
  "Otávio",
  "Paula",
  "Paulo",
  "Pedro",
  "Priscila",
  "Rafael",
  "Raquel",
  "Renata",
  "Ricardo",
  "Rita",
  "Rodrigo",
  "Rogério",
  "Sabrina",
  "Sérgio",
  "Sílvia",
  "Simone",
  "Tainá",
  "Thaís",
  "Thiago",
  "Valéria",
  "Vanessa",
  "Vinícius",
  "Vitória",
  "Wagner",
  "Yasmin",
] as const;

export const SOBRENOMES = [
  "Albuquerque",
  "Almeida",
  "Alves",
  "Andrade",
  "Araújo",
  "Assunção",
  "Azevedo",
  "Barbosa",
  "Bastos",
  "Brandão",
  "Cardoso",
  "Carvalho",
  "Castro",
  "Conceição",
  "Correia",
  "Costa",
  "Cunha",
  "Dias",
  "Domingues",
  "Duarte",
  "Esteves",
  "Falcão",
  "Farias",
  "Fernandes",
  "Ferraz",
  "Figueiredo",
  "Freitas",
  "Gomes",
  "Gonçalves",
  "Guimarães",
  "Lacerda",
  "Leão",
  "Lima",
  "Lopes",
  "Macedo",
  "Magalhães",
  "Marques",
  "Medeiros",
  "Mendonça",
  "Monteiro",
  "Moraes",
  "Nascimento",
  "Nóbrega",
  "Nogueira",
  "Oliveira",
  "Paixão",
  "Peixoto",
  "Pereira",
  "Pinheiro",
  "Prado",
  "Queiroz",
  "Ramos",
  "Rebouças",
  "Ribeiro",
  "Romão",
  "Sá",
  "Sampaio",
  "Santana",
  "Santos",
  "Siqueira",
  "Simões",
  "Soares",
  "Sousa",
  "Tavares",
  "Teixeira",
  "Toledo",
  "Valadares",
  "Vasconcelos",
  "Vieira",
  "Xavier",
] as const;

export const DOMINIOS_EMAIL = [
  ["gmail.com", 45],
  ["hotmail.com", 16],
  ["outlook.com", 12],
  ["yahoo.com.br", 8],
  ["uol.com.br", 6],
  ["icloud.com", 6],
  ["bol.com.br", 4],
  ["terra.com.br", 3],
] as const;

/** Real DDDs; São Paulo capital dominates the agency's leads. */
export const DDDS = [
  ["11", 74],
  ["12", 3],
  ["13", 3],
  ["15", 2],
  ["19", 3],
  ["21", 5],
  ["31", 2],
  ["41", 2],
  ["47", 1],
  ["51", 1],
  ["61", 1],
  ["62", 1],
  ["71", 1],
  ["81", 1],
] as const;

/** R$/m² bands, venda and aluguel (monthly), for each neighbourhood. */
export type Bairro = { nome: string; venda: readonly [number, number]; aluguel: readonly [number, number] };

export const BAIRROS: readonly Bairro[] = [
  { nome: "Pinheiros", venda: [13500, 17500], aluguel: [68, 92] },
  { nome: "Vila Mariana", venda: [11000, 14000], aluguel: [55, 72] },
  { nome: "Moema", venda: [13000, 17000], aluguel: [62, 85] },
  { nome: "Perdizes", venda: [10500, 13500], aluguel: [50, 66] },
  { nome: "Tatuapé", venda: [8500, 11000], aluguel: [42, 56] },
  { nome: "Santana", venda: [8000, 10500], aluguel: [40, 52] },
  { nome: "Brooklin", venda: [11500, 15000], aluguel: [58, 78] },
  { nome: "Vila Madalena", venda: [13000, 16500], aluguel: [66, 88] },
  { nome: "Itaim Bibi", venda: [16000, 22000], aluguel: [80, 115] },
  { nome: "Mooca", venda: [8000, 10500], aluguel: [40, 52] },
  { nome: "Lapa", venda: [8500, 11500], aluguel: [44, 58] },
  { nome: "Butantã", venda: [8000, 10500], aluguel: [40, 54] },
  { nome: "Ipiranga", venda: [7500, 10000], aluguel: [38, 50] },
  { nome: "Jardins", venda: [15000, 21000], aluguel: [75, 110] },
  { nome: "Campo Belo", venda: [11000, 14500], aluguel: [55, 74] },
  { nome: "Saúde", venda: [9500, 12500], aluguel: [46, 62] },
  { nome: "Aclimação", venda: [9000, 12000], aluguel: [45, 60] },
  { nome: "Vila Olímpia", venda: [14500, 19500], aluguel: [75, 105] },
];

export type TipoImovel = {
  nome: string;
  sigla: string;
  /** "o" or "a", for the messages ("o apartamento", "a casa"). */
  artigo: "o" | "a";
  area: readonly [number, number];
  quartos: readonly [number, number];
  peso: number;
  /** Price per m² relative to an apartment in the same neighbourhood. */
  fatorPreco: number;
};

export const TIPOS_IMOVEL: readonly TipoImovel[] = [
  { nome: "Apartamento", sigla: "AP", artigo: "o", area: [48, 140], quartos: [1, 4], peso: 46, fatorPreco: 1 },
  { nome: "Casa", sigla: "CA", artigo: "a", area: [90, 280], quartos: [2, 4], peso: 14, fatorPreco: 0.85 },
  { nome: "Sobrado", sigla: "SO", artigo: "o", area: [110, 260], quartos: [2, 4], peso: 8, fatorPreco: 0.88 },
  { nome: "Studio", sigla: "ST", artigo: "o", area: [22, 42], quartos: [1, 1], peso: 14, fatorPreco: 1.2 },
  { nome: "Cobertura", sigla: "CO", artigo: "a", area: [120, 320], quartos: [2, 4], peso: 6, fatorPreco: 1.25 },
  { nome: "Sala comercial", sigla: "SL", artigo: "a", area: [30, 120], quartos: [0, 0], peso: 8, fatorPreco: 0.9 },
  { nome: "Loja", sigla: "LJ", artigo: "a", area: [40, 200], quartos: [0, 0], peso: 4, fatorPreco: 0.8 },
];

/** The portals a demo lead comes from. `origem` in `leads` stores the short stable code. */
export const ORIGENS = [
  { codigo: "zap", nome: "ZAP Imóveis", portal: "grupo-olx", leadOrigin: "ZAP", peso: 36 },
  { codigo: "vivareal", nome: "Viva Real", portal: "grupo-olx", leadOrigin: "VivaReal", peso: 32 },
  { codigo: "olx", nome: "OLX", portal: "grupo-olx", leadOrigin: "OLX", peso: 19 },
  { codigo: "chavesnamao", nome: "Chaves na Mão", portal: "chaves-na-mao", leadOrigin: "ChavesNaMao", peso: 13 },
] as const;
export type Origem = (typeof ORIGENS)[number];

export const TIPOS_LEAD_PORTAL = [
  ["CONTACT_FORM", 37],
  ["CLICK_WHATSAPP", 22],
  ["CONTACT_CHAT", 10],
  ["VISIT_REQUEST", 14],
  ["CLICK_SCHEDULE", 7],
  ["PHONE_VIEW", 10],
] as const;
export type TipoLeadPortal = (typeof TIPOS_LEAD_PORTAL)[number][0];

/**
 * Portal messages. Placeholders: {o_tipo} "o apartamento", {este_tipo} "este apartamento",
 * {bairro}, {codigo}, {quartos}. `finalidade` limits a message to sales or rentals.
 */
export const MENSAGENS_LEAD: readonly { texto: string; finalidade?: "venda" | "aluguel"; visita?: boolean }[] = [
  { texto: "Olá, tenho interesse n{este_tipo} em {bairro}. Gostaria de agendar uma visita.", visita: true },
  { texto: "Boa tarde! Posso visitar {o_tipo} ainda esta semana? Trabalho até as 18h.", visita: true },
  { texto: "Oi, vi o anúncio {codigo}. Dá pra visitar no sábado de manhã?", visita: true },
  { texto: "Quero agendar uma visita hoje se possível, estou com urgência.", visita: true },
  { texto: "Gostaria de agendar uma visita. Já tenho financiamento aprovado.", finalidade: "venda", visita: true },
  {
    texto: "Posso visitar amanhã depois das 18h? Preciso me mudar ainda este mês.",
    finalidade: "aluguel",
    visita: true,
  },
  { texto: "Olá! Aceita financiamento? Tenho carta de crédito aprovada pela Caixa.", finalidade: "venda" },
  { texto: "Posso usar o FGTS na entrada? Tenho cerca de 30% do valor.", finalidade: "venda" },
  { texto: "Tenho interesse, pagamento à vista. Qual o menor valor que o proprietário aceita?", finalidade: "venda" },
  { texto: "Gostaria de fazer uma proposta para {o_tipo} {codigo}. Podemos conversar?", finalidade: "venda" },
  { texto: "Aceita permuta por um apartamento menor na zona norte?", finalidade: "venda" },
  { texto: "Qual o valor do condomínio e do IPTU? O preço é negociável?", finalidade: "venda" },
  { texto: "O imóvel está quitado? Preciso saber se aceita financiamento com FGTS.", finalidade: "venda" },
  { texto: "Aceita pets? Tenho um cachorro de porte médio.", finalidade: "aluguel" },
  { texto: "Qual o valor total com condomínio e IPTU? Aceita seguro fiança?", finalidade: "aluguel" },
  { texto: "Preciso me mudar até o fim do mês, {o_tipo} ainda está disponível? É urgente.", finalidade: "aluguel" },
  { texto: "Aceita fiador ou só título de capitalização? Tenho interesse.", finalidade: "aluguel" },
  { texto: "O condomínio tem portaria 24h? Tenho interesse em alugar.", finalidade: "aluguel" },
  { texto: "Olá, {o_tipo} tem vaga de garagem? Preciso de pelo menos uma vaga." },
  { texto: "Ainda está disponível? Tenho interesse em {o_tipo} de {quartos} quartos em {bairro}." },
  { texto: "Oi! Gostaria de mais informações sobre {o_tipo} {codigo}." },
  { texto: "O prédio aceita animais? E qual o valor do condomínio?" },
  { texto: "Bom dia, pode me mandar mais fotos e a planta? Obrigado." },
  { texto: "Fica perto do metrô? Procuro algo em {bairro} ou região." },
  { texto: "Tenho interesse. Podem me ligar depois das 19h?" },
  { texto: "Estou de mudança para São Paulo e procuro algo em {bairro}. Podemos conversar hoje?" },
];

export const CONTATOS_CORRETOR = [
  "Liguei para o cliente, conversamos sobre {o_tipo} e enviei fotos pelo WhatsApp.",
  "Primeiro contato feito por WhatsApp; cliente pediu a planta e o valor do condomínio.",
  "Liguei duas vezes sem resposta; deixei mensagem no WhatsApp.",
  "Cliente atendeu, confirmou interesse e perguntou sobre documentação.",
  "Enviei opções parecidas em {bairro} além do {codigo}.",
  "Retornei a ligação e expliquei as condições de financiamento.",
] as const;

export const RESPOSTAS_LEAD = [
  { texto: "Obrigado pelo retorno! Gostei bastante, podemos marcar a visita?", sentimento: "positivo" },
  { texto: "Recebi as fotos, achei ótimo. Qual o melhor horário para visitar?", sentimento: "positivo" },
  { texto: "Vou conversar com minha esposa e te retorno amanhã.", sentimento: "neutro" },
  { texto: "Pode me mandar a matrícula do imóvel?", sentimento: "neutro" },
  { texto: "Achei o valor um pouco acima do que eu esperava.", sentimento: "negativo" },
  { texto: "Infelizmente não tem vaga, preciso de pelo menos uma.", sentimento: "negativo" },
  { texto: "Perfeito, confirmado! Até lá.", sentimento: "positivo" },
] as const;

export const NOTAS_CORRETOR = [
  "Cliente já tem aprovação de crédito; prioridade.",
  "Prefere contato à noite, depois das 19h.",
  "Procura também em bairros vizinhos, orçamento flexível.",
  "Tem um pet de porte grande, confirmar regras do condomínio.",
  "Quer vender o imóvel atual para dar de entrada.",
  "Visita com a família no fim de semana.",
] as const;

export const MOTIVOS_PERDA = [
  "Fechou com outra imobiliária",
  "Valor acima do orçamento",
  "Desistiu da mudança",
  "Não respondeu após 3 tentativas",
  "Crédito não aprovado",
  "Preferiu outro bairro",
] as const;

export const IMPRESSOES_VISITA = [
  { texto: "Cliente gostou da planta e da luz natural.", sentimento: "positivo" },
  { texto: "Veio com a família; querem ver de novo no fim de semana.", sentimento: "positivo" },
  { texto: "Achou a cozinha pequena, mas gostou muito da localização.", sentimento: "neutro" },
  { texto: "Gostou do prédio, mas está preocupado com o valor do condomínio.", sentimento: "neutro" },
  { texto: "Não gostou do barulho da rua; vai pensar.", sentimento: "negativo" },
] as const;
