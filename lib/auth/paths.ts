// Where the dashboard starts, where a visitor without a session is sent, and where a login with a
// temporary password must go first.
export const LOGIN_PATH = "/login";
export const HOME_PATH = "/visao-geral";
export const CONTA_PATH = "/conta";
