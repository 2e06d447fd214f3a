// Renders WhatsApp-formatted text as React elements (never raw HTML), links opening in a new tab.
import { Fragment, type ReactNode } from "react";
import { parseWhatsAppText, type Inline } from "@/lib/whatsapp/text/parse";

function renderNodes(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case "text":
        return <Fragment key={i}>{node.text}</Fragment>;
      case "break":
        return <br key={i} />;
      case "link":
        return (
          <a
            key={i}
            href={node.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="break-all text-sky-700 underline underline-offset-2 hover:text-sky-900"
          >
            {node.text}
          </a>
        );
      case "bold":
        return (
          <strong key={i} className="font-semibold">
            {renderNodes(node.children)}
          </strong>
        );
      case "italic":
        return <em key={i}>{renderNodes(node.children)}</em>;
      case "strike":
        return <s key={i}>{renderNodes(node.children)}</s>;
    }
  });
}

export function WhatsAppText({ corpo }: { corpo: string }) {
  return <>{renderNodes(parseWhatsAppText(corpo))}</>;
}
