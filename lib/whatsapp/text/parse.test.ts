import { describe, expect, it } from "vitest";
import { parseWhatsAppText, type Inline } from "./parse";

const text = (t: string): Inline => ({ kind: "text", text: t });

describe("parseWhatsAppText", () => {
  it("reads *bold*, _italic_ and ~strike~ between words", () => {
    expect(parseWhatsAppText("🔥 *Novo lead: João* chegou _agora_ ~ontem~.")).toEqual([
      text("🔥 "),
      { kind: "bold", children: [text("Novo lead: João")] },
      text(" chegou "),
      { kind: "italic", children: [text("agora")] },
      text(" "),
      { kind: "strike", children: [text("ontem")] },
      text("."),
    ]);
  });

  it("nests styles, as WhatsApp does", () => {
    expect(parseWhatsAppText("*_urgente_*")).toEqual([
      { kind: "bold", children: [{ kind: "italic", children: [text("urgente")] }] },
    ]);
  });

  it("leaves markers inside words, around spaces or unclosed as plain text", () => {
    for (const plain of ["snake_case_name", "2*3*4", "* não *", "*sem fim", "a * b"]) {
      expect(parseWhatsAppText(plain)).toEqual([text(plain)]);
    }
  });

  it("never styles across a line break and turns line ends into breaks", () => {
    expect(parseWhatsAppText("*um\ndois*\r\ntrês")).toEqual([
      text("*um"),
      { kind: "break" },
      text("dois*"),
      { kind: "break" },
      text("três"),
    ]);
    expect(parseWhatsAppText("a\n\nb")).toEqual([text("a"), { kind: "break" }, { kind: "break" }, text("b")]);
  });

  it("makes http(s) links clickable without their trailing punctuation, and ignores styles inside them", () => {
    const href = "https://wa.me/5511976543210?text=Ol%C3%A1_Jo%C3%A3o_*x*";
    expect(parseWhatsAppText(`👉 Responder agora: ${href}.`)).toEqual([
      text("👉 Responder agora: "),
      { kind: "link", href, text: href },
      text("."),
    ]);
  });

  it("keeps HTML and non-http schemes as inert text", () => {
    const evil = '<img src=x onerror="alert(1)"> javascript:alert(1) <b>oi</b>';
    expect(parseWhatsAppText(evil)).toEqual([text(evil)]);
  });
});
