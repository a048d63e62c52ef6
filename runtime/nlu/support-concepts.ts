/**
 * A small thesaurus of customer-support vocabulary in English, Spanish, Portuguese and French. A categorize node
 * usually has only a dozen examples per category, so "parcel" never appears when the manager wrote "package", and
 * "cobro" never appears at all. Each word here adds a shared concept feature beside its own, which lets one example
 * with "package" vouch for a message with "parcel" or "paquete". Concepts carry no category: the examples decide
 * which category a concept belongs to, so a flow with other categories ("returns", "warranty") is not biased.
 *
 * Words are written normalised (lowercase, no accents), as tokenize() produces them.
 */
const CONCEPTS: Record<string, readonly string[]> = {
  money: [
    "refund", "refunds", "refunded", "money", "charge", "charged", "charges", "charging", "pay", "paid", "payment",
    "payments", "bill", "billed", "billing", "invoice", "invoices", "receipt", "price", "cost", "costs", "fee", "fees",
    "euros", "dollars", "reembolso", "cobro", "cobraron", "cobrado", "cobraram", "cobranca", "fatura", "factura",
    "pago", "pagamento", "precio", "preco", "remboursement", "prelevement", "facture", "paiement", "prix", "card",
    "tarjeta", "cartao", "carte", "transaction", "transactions", "installments", "discount", "promo", "vat", "tax",
    "subscription", "plan", "membership", "renewed", "balance", "saldo", "paypal", "chargeback", "mony", "refnd",
  ],
  shipment: [
    "order", "orders", "ordered", "package", "parcel", "delivery", "deliver", "delivered", "shipping", "ship",
    "shipped", "shipment", "shipments", "tracking", "track", "courier", "carrier", "arrive", "arrived", "arrives",
    "pedido", "paquete", "pacote", "entrega", "entregado", "envio", "livraison", "colis", "commande", "rastreio",
    "warehouse", "depot", "customs", "driver", "dispatch", "return", "returns", "replacement", "item", "items",
    "stuff", "box", "oder", "ordr",
  ],
  access: [
    "login", "log", "logged", "signin", "sign", "password", "passwords", "pasword", "pass", "username", "account",
    "accounts", "acount", "profile", "verification", "verify", "code", "otp", "hacked", "compromised", "locked",
    "blocked", "suspended", "contrasena", "senha", "conta", "cuenta", "compte", "connecter", "entrar", "correo",
    "email", "authentication", "factor", "security", "credentials",
  ],
  malfunction: [
    "app", "application", "aplicacion", "aplicativo", "crash", "crashes", "crashing", "crashed", "crashs", "error",
    "errors", "bug", "bugs", "broken", "wifi", "internet", "router", "modem", "slow", "screen", "update", "firmware",
    "device", "freeze", "freezes", "frozen", "loading", "load", "connection", "connect", "connecting", "signal",
    "outage", "website", "site", "page", "restart", "restarts", "reset", "reinstall", "battery", "bluetooth", "works",
    "working", "funciona", "marche", "fecha", "buffering", "sync", "syncing", "droping", "dropping", "disconnecting",
  ],
  booking: [
    "appointment", "appointments", "apointment", "appt", "book", "booking", "booked", "schedule", "reschedule",
    "rescheduel", "slot", "slots", "visit", "availability", "available", "reservation", "cita", "consulta", "horario",
    "agendar", "marcar", "remarcar", "rendez", "technician", "installation", "consultation", "calendar",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "jeudi", "morning",
    "afternoon", "tomorrow", "tomorow",
  ],
  paperwork: [
    "document", "documents", "docs", "upload", "uploaded", "uploading", "photo", "photos", "picture", "pdf", "file",
    "scan", "id", "passport", "license", "licence", "attach", "attached", "attaching", "proof", "form", "statement",
    "screenshot", "contract", "signed", "foto", "recibo", "comprovante", "documento", "piece", "jointe", "warranty",
    "reciept", "copy",
  ],
  human: [
    "agent", "agents", "human", "humano", "humain", "person", "persona", "pessoa", "someone", "somebody", "anyone",
    "representative", "operator", "staff", "manager", "supervisor", "atendente", "conseiller", "colleague", "team",
    "real", "live", "transfer", "ajente", "agente", "alguien", "alguem", "personne", "speak", "talk", "hablar",
    "falar", "parler", "call",
  ],
};

const conceptByWord: ReadonlyMap<string, string> = new Map(
  Object.entries(CONCEPTS).flatMap(([concept, words]) => words.map((word) => [word, concept] as const)),
);

/** The support concept a normalised word belongs to, or null. */
export function conceptOf(word: string): string | null {
  return conceptByWord.get(word) ?? null;
}
