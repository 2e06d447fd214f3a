// Where the dashboard starts and where a visitor without a session is sent.
export const LOGIN_PATH = "/login";
export const HOME_PATH = "/visao-geral";
