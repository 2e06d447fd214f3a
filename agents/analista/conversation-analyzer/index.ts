export * from "@/lib/domain/analise-conversa";
export { analyzeByRules, rulesAnalyzer, RULES_ENGINE } from "./rules-analyzer";
