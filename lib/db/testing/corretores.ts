// Brokers for a test's setup go through the same insert the dashboard's "Adicionar corretor" uses.
export { insertCorretor } from "../queries/corretores";
