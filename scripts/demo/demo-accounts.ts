// The fixed, documented part of the demo: the agency, its eight brokers, the three logins and the
// portal credentials. Demo only: these secrets are public on purpose and must never reach production.
// Broker phones are sequential +55 11 90001-00xx numbers rather than random-looking ones, so a demo
// wired to real Twilio keys is unlikely to message a stranger; put your own number on a broker to
// watch the alerts arrive.
import type { PreferenciasInput } from "@/lib/domain/preferencias";
import type { Papel } from "@/lib/db/schema";
import type { Portal } from "@/lib/db/schema";

export const DEMO_AGENCY = {
  nome: "Imobiliária Horizonte",
  slug: "horizonte",
  cidade: "São Paulo",
  uf: "SP",
  timezone: "America/Sao_Paulo",
} as const;

export type DemoCorretor = {
  nome: string;
  telefone: string;
  email: string;
  ativo: boolean;
  /** Days before `now` since when the broker is inactive (only for `ativo: false`). */
  inativoHaDias?: number;
  preferencias: PreferenciasInput;
  bairros: string[];
  tipos: string[];
  finalidades: ("venda" | "aluguel")[];
};

const SEG_SEX = [1, 2, 3, 4, 5];
const SEG_SAB = [1, 2, 3, 4, 5, 6];

export const DEMO_CORRETORES: readonly DemoCorretor[] = [
  {
    nome: "Carla Menezes Duarte",
    telefone: "+5511900010001",
    email: "carla.duarte@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 5,
      horario: { inicio: "08:00", fim: "18:00" },
      dias: SEG_SEX,
      agrupamento: { janelaMinutos: 30, tamanhoMaximo: 5 },
    },
    bairros: ["Pinheiros", "Vila Madalena", "Perdizes", "Lapa"],
    tipos: ["Apartamento", "Studio", "Cobertura"],
    finalidades: ["venda", "aluguel"],
  },
  {
    nome: "Rodrigo Tavares Lima",
    telefone: "+5511900010002",
    email: "rodrigo.tavares@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 8,
      horario: { inicio: "09:00", fim: "20:00" },
      dias: SEG_SAB,
      agrupamento: { janelaMinutos: 15, tamanhoMaximo: 4 },
      silencio: "urgente_pode_quebrar",
    },
    bairros: ["Itaim Bibi", "Vila Olímpia", "Jardins", "Brooklin"],
    tipos: ["Apartamento", "Cobertura", "Sala comercial"],
    finalidades: ["venda"],
  },
  {
    nome: "Patrícia Albuquerque",
    telefone: "+5511900010003",
    email: "patricia.albuquerque@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 5,
      horario: { inicio: "10:00", fim: "22:00" },
      dias: [0, 1, 2, 3, 4, 5, 6],
      agrupamento: { janelaMinutos: 45, tamanhoMaximo: 6 },
    },
    bairros: ["Moema", "Vila Mariana", "Saúde", "Aclimação"],
    tipos: ["Apartamento", "Casa", "Studio"],
    finalidades: ["venda", "aluguel"],
  },
  {
    nome: "Fábio Nogueira Sá",
    telefone: "+5511900010004",
    email: "fabio.nogueira@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 3,
      horario: { inicio: "08:00", fim: "18:00" },
      dias: SEG_SEX,
      agrupamento: { janelaMinutos: 60, tamanhoMaximo: 8 },
    },
    bairros: ["Tatuapé", "Mooca", "Ipiranga"],
    tipos: ["Casa", "Sobrado", "Apartamento"],
    finalidades: ["venda", "aluguel"],
  },
  {
    nome: "Juliana Bastos Ferraz",
    telefone: "+5511900010005",
    email: "juliana.bastos@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 5,
      horario: { inicio: "09:00", fim: "20:00" },
      dias: SEG_SAB,
      agrupamento: { janelaMinutos: 30, tamanhoMaximo: 5 },
    },
    bairros: ["Santana", "Lapa", "Perdizes", "Butantã"],
    tipos: ["Apartamento", "Casa"],
    finalidades: ["aluguel"],
  },
  {
    nome: "Anderson Queiroz",
    telefone: "+5511900010006",
    email: "anderson.queiroz@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 10,
      horario: { inicio: "10:00", fim: "22:00" },
      dias: [0, 2, 3, 4, 5, 6],
      agrupamento: { janelaMinutos: 20, tamanhoMaximo: 5 },
    },
    bairros: ["Brooklin", "Campo Belo", "Moema", "Itaim Bibi"],
    tipos: ["Apartamento", "Sala comercial", "Loja"],
    finalidades: ["venda", "aluguel"],
  },
  {
    nome: "Letícia Prado Simões",
    telefone: "+5511900010007",
    email: "leticia.prado@horizonte.demo",
    ativo: true,
    preferencias: {
      limiteDiario: 5,
      horario: { inicio: "09:00", fim: "20:00" },
      dias: SEG_SEX,
      agrupamento: { janelaMinutos: 30, tamanhoMaximo: 5 },
    },
    bairros: ["Vila Mariana", "Jardins", "Pinheiros", "Aclimação"],
    tipos: ["Apartamento", "Studio"],
    finalidades: ["venda", "aluguel"],
  },
  {
    nome: "Márcio Vilela Conceição",
    telefone: "+5511900010008",
    email: "marcio.vilela@horizonte.demo",
    ativo: false,
    inativoHaDias: 30,
    preferencias: {
      limiteDiario: 6,
      horario: { inicio: "08:00", fim: "18:00" },
      dias: SEG_SAB,
      agrupamento: { janelaMinutos: 30, tamanhoMaximo: 5 },
    },
    bairros: ["Butantã", "Lapa", "Santana"],
    tipos: ["Casa", "Sobrado"],
    finalidades: ["venda"],
  },
];

export type DemoLogin = { email: string; senha: string; papel: Papel; nome: string };

/** The corretor login is tied to the first active broker (Carla). */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: "admin@horizonte.demo", senha: "Admin#2026", papel: "admin", nome: "Roberta Falcão" },
  { email: "gestor@horizonte.demo", senha: "Gestor#2026", papel: "gestor", nome: "Henrique Bastos" },
  { email: "corretor@horizonte.demo", senha: "Corretor#2026", papel: "corretor", nome: "Carla Menezes Duarte" },
];

export type DemoIntegracao = {
  portal: Portal;
  identificador: string | null;
  segredo: string;
  /** How a portal (or curl) authenticates with it, in pt-BR, for the CLI summary. */
  comoAutenticar: string;
};

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

export const DEMO_INTEGRACOES: readonly DemoIntegracao[] = [
  {
    portal: "grupo-olx",
    identificador: null,
    segredo: "horizonte-olx-demo-secret",
    comoAutenticar: `Authorization: ${basic("vivareal", "horizonte-olx-demo-secret")}  (Basic base64("vivareal:" + segredo))`,
  },
  {
    portal: "chaves-na-mao",
    identificador: "integracao@horizonte.demo",
    segredo: "horizonte-cnm-demo-token",
    comoAutenticar: `Authorization: ${basic("integracao@horizonte.demo", "horizonte-cnm-demo-token")}  (Basic base64(email:token))`,
  },
  {
    portal: "imovelweb",
    identificador: null,
    segredo: "horizonte-imovelweb-demo-secret",
    comoAutenticar: "segredo enviado em um cabeçalho da requisição",
  },
  {
    portal: "generico",
    identificador: null,
    segredo: "horizonte-api-demo-key",
    comoAutenticar: "chave de API enviada no cabeçalho da requisição",
  },
];
