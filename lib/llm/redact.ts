// What the model never receives (LGPD): phone numbers and e-mails, even ones a lead typed into their
// message. They are replaced by a neutral word, so the sentence still reads naturally.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
// 8 or more digits with the usual separators: mobiles, landlines, +55 and (11) forms. Prices keep
// their shape ("R$ 450.000" has 6 digits).
const PHONE = /(?:\+?\(?\d[\d\s().-]{6,}\d)/g;

export function redactForModel(text: string): string {
  return text.replace(EMAIL, "[e-mail]").replace(PHONE, (m) => (m.replace(/\D/g, "").length >= 8 ? "[telefone]" : m));
}
