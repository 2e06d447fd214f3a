export * from "./analise";
export { analyzeByRules, rulesAnalyzer, RULES_ENGINE } from "./rules-analyzer";
