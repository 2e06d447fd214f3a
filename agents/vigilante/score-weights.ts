// The ONE table of lead-score weights (DESIGN.md §5). scoreLead takes the table as an argument, so
// an admin's tuning can be passed in once it exists; the schema bounds what a tuned table may say.
import { z } from "zod";
import { SINAIS } from "@/agents/analista/conversation-analyzer";

const points = z.number().int().min(-100).max(100);
const slug = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** First band whose `min` the price reaches wins, so list them from the highest down. */
const priceBands = z
  .array(z.object({ min: z.number().nonnegative(), points }))
  .max(6)
  .refine(
    (bands) => bands.every((b, i) => i === 0 || bands[i - 1]!.min > b.min),
    "faixas em ordem decrescente de preço",
  );

const temperature = z.object({ Alta: points, Média: points, Baixa: points, none: points });
const leadType = z.object({
  VISIT_REQUEST: points,
  CLICK_SCHEDULE: points,
  CLICK_WHATSAPP: points,
  CONTACT_CHAT: points,
  CONTACT_FORM: points,
  PHONE_VIEW: points,
  unknown: points,
});
const intent = z.object({
  /**
   * The ConversationAnalyzer's signals each group weighs (its words live there, not here); a group
   * counts once however many of its signals appear; the sum is capped.
   */
  groups: z
    .array(
      z.object({
        key: slug,
        label: z.string().min(1).max(40),
        sinais: z.array(z.enum(SINAIS)).min(1).max(SINAIS.length),
        points,
      }),
    )
    .max(10),
  cap: points,
});
const contact = z.object({ validMobile: points, email: points, invalidPhone: points });
/** windowDays is read by whoever counts `earlierInquiries`, so the window lives with its points. */
const repeat = z.object({ perInquiry: points, cap: points, windowDays: z.number().int().min(1).max(365) });
const price = z.object({
  sale: priceBands,
  rent: priceBands,
  /** With no finalidade, a price below this is a monthly rent, not a sale price. */
  rentCeiling: z.number().positive(),
  budgetInMessage: points,
});

export const scoreWeightsSchema = z.object({ temperature, leadType, intent, contact, repeat, price });
export type ScoreWeights = z.infer<typeof scoreWeightsSchema>;

export const DEFAULT_WEIGHTS: ScoreWeights = {
  temperature: { Alta: 30, Média: 15, Baixa: 5, none: 10 },
  leadType: {
    VISIT_REQUEST: 25,
    CLICK_SCHEDULE: 22,
    CLICK_WHATSAPP: 15,
    CONTACT_CHAT: 12,
    CONTACT_FORM: 10,
    PHONE_VIEW: 6,
    unknown: 8,
  },
  intent: {
    groups: [
      { key: "visita", label: "visita", sinais: ["visita"], points: 10 },
      {
        key: "pagamento",
        label: "financiamento ou pagamento",
        sinais: ["financiamento", "preco_negociacao"],
        points: 8,
      },
      { key: "urgencia", label: "urgência", sinais: ["urgencia"], points: 6 },
    ],
    cap: 20,
  },
  contact: { validMobile: 10, email: 3, invalidPhone: -10 },
  repeat: { perInquiry: 10, cap: 20, windowDays: 90 },
  // Higher tickets pay more commission and their buyers are courted by other agencies, so a fast
  // answer is worth more; a budget written in the message means the person has done the math.
  price: {
    sale: [
      { min: 1_500_000, points: 8 },
      { min: 800_000, points: 5 },
    ],
    rent: [
      { min: 8_000, points: 8 },
      { min: 4_000, points: 5 },
    ],
    rentCeiling: 30_000,
    budgetInMessage: 4,
  },
};
