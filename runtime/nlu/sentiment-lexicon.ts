/**
 * Word lists for sentiment, written normalised (lowercase, no accents, punctuation as spaces: "don't" → "don t"), as
 * normalizeText() produces them. Valences follow the AFINN/VADER scale, -3 (very negative) .. 3 (very positive),
 * chosen for customer support: "late" or "wrong" are mildly negative facts, "ridiculous" is anger.
 */
export const WORD_VALENCE: ReadonlyMap<string, number> = new Map([
  // English, negative
  ["bad", -2], ["terrible", -3], ["awful", -3], ["horrible", -3], ["worst", -3], ["hate", -3], ["angry", -2.5],
  ["furious", -3], ["annoyed", -2], ["annoying", -2], ["frustrated", -2], ["frustrating", -2], ["disappointed", -2],
  ["disappointing", -2], ["upset", -2], ["unhappy", -2], ["poor", -1.5], ["slow", -1], ["broken", -1],
  ["broke", -1], ["damaged", -1], ["wrong", -1], ["late", -1], ["lost", -1], ["missing", -1], ["problem", -1],
  ["failed", -1], ["failing", -1], ["fails", -1], ["crashed", -1], ["crashes", -1], ["crashing", -1], ["scam", -3],
  ["fraud", -3], ["stolen", -2.5], ["compromised", -2], ["hacked", -2], ["rude", -2.5], ["pathetic", -3], ["incompetent", -3],
  ["stupid", -2.5], ["idiot", -3], ["idiots", -3], ["garbage", -3], ["trash", -3], ["nightmare", -3],
  ["disgusting", -3], ["shame", -2], ["shameful", -2.5], ["sucks", -2.5], ["sue", -2], ["lawyer", -2],
  ["complaint", -1.5], ["worried", -1.5], ["sad", -2], ["unfortunately", -1], ["disaster", -3], ["horrendous", -3],
  ["unreliable", -2], ["liars", -3], ["lying", -2.5], ["mess", -2], ["wasted", -2], ["waste", -2], ["worse", -2.5],
  // Spanish, Portuguese, French, negative
  ["malo", -2], ["mala", -2], ["mal", -1.5], ["pesimo", -3], ["pesima", -3], ["basura", -3], ["estafa", -3],
  ["verguenza", -2.5], ["harto", -2.5], ["harta", -2.5], ["enojado", -2.5], ["molesto", -2], ["ruim", -2],
  ["pessimo", -3], ["pessima", -3], ["lixo", -3], ["absurdo", -2.5], ["vergonha", -2.5], ["golpe", -2],
  ["raiva", -2.5], ["irritado", -2], ["nul", -2.5], ["nulle", -2.5], ["arnaque", -3], ["decu", -2],
  ["inadmissible", -2.5], ["inaceptable", -2.5], ["inaceitavel", -2.5], ["horrivel", -3], ["terrivel", -3],
  ["decepcionado", -2], ["decepcionada", -2], ["fatal", -2],
  // positive
  ["good", 1.5], ["great", 2.5], ["excellent", 3], ["amazing", 3], ["awesome", 3], ["perfect", 3], ["love", 3],
  ["lovely", 2.5], ["nice", 2], ["happy", 2], ["glad", 2], ["thanks", 2], ["thank", 2], ["thx", 1.5], ["ty", 1.5],
  ["appreciate", 2], ["appreciated", 2], ["helpful", 2], ["fantastic", 3], ["wonderful", 3], ["fine", 1],
  ["resolved", 1.5], ["solved", 1.5], ["worked", 1], ["fixed", 1.5], ["haha", 1], ["lol", 1], ["fun", 1.5],
  ["cool", 1.5], ["gracias", 2], ["obrigado", 2], ["obrigada", 2], ["merci", 2], ["excelente", 3], ["bueno", 1.5],
  ["buenos", 1.5], ["buena", 1.5], ["otimo", 2.5], ["otima", 2.5], ["perfeito", 3], ["genial", 2.5], ["bom", 1.5],
  ["bien", 1], ["bem", 1], ["super", 1.5], ["welcome", 1.5], ["pleased", 2],
]);

/** Fixed expressions, matched on whole words before single words are scored. */
export const PHRASE_VALENCE: ReadonlyMap<string, number> = new Map([
  ["not working", -1.5], ["doesn t work", -1.5], ["doesnt work", -1.5], ["don t work", -1.5], ["won t work", -1.5],
  ["stopped working", -1.5], ["well done", 2], ["no funciona", -1.5], ["nao funciona", -1.5],
  ["ne marche pas", -1.5], ["never again", -2.5],
]);

/** Cues a human agent would read as frustration, each worth mentioning to the agent by name. */
export const FRUSTRATION_CUES: ReadonlyMap<string, number> = new Map([
  ["still", -1.5], ["again", -1.5], ["third time", -2], ["fourth time", -2], ["fifth time", -2], ["nobody", -1.5],
  ["no one", -1.5], ["useless", -2.5], ["ridiculous", -2.5], ["unacceptable", -2.5], ["fed up", -2.5],
  ["sick of", -2], ["how many times", -2], ["waste of time", -2.5], ["every time", -1], ["is a joke", -2], ["what a joke", -2],
  ["going in circles", -2], ["many times", -1.5], ["three times", -1.5], ["hours", -0.5], ["weeks", -0.5],
  ["de nuevo", -1.5], ["otra vez", -1.5], ["outra vez", -1.5], ["de novo", -1.5], ["encore", -1.5],
  ["ninguem", -1.5], ["nadie", -1.5], ["personne ne", -1.5],
]);

/** A customer on the way out: escalate before they go. Deliberately not "cancel my appointment" or "cancel my order". */
export const CANCELLATION_PHRASES: readonly string[] = [
  "cancel my account", "close my account", "delete my account", "cancel my subscription", "cancel my membership",
  "cancel my contract", "cancel the subscription", "cancel my plan", "end my contract", "terminate my contract",
  "i m leaving", "im leaving", "i am leaving", "i m done", "switching to another", "switch to another provider",
  "going to a competitor", "stop charging me", "cancelar mi cuenta", "cerrar mi cuenta", "cancelar mi suscripcion",
  "dar de baja", "cancelar minha conta", "encerrar minha conta", "cancelar minha assinatura", "resilier",
  "fermer mon compte", "supprimer mon compte",
];

/** Swear words in the four languages; censored spellings ("f*ck") are caught by a pattern in sentiment.ts. */
export const SWEAR_WORDS: ReadonlySet<string> = new Set([
  "fuck", "fucking", "fucked", "fck", "fcking", "fk", "fuk", "shit", "shitty", "bullshit", "crap", "crappy", "damn",
  "dammit", "wtf", "hell", "asshole", "bastard", "bastards", "bitch", "pissed", "mierda", "joder", "cabron",
  "carajo", "porra", "merda", "caralho", "putain", "merde", "bordel", "stfu",
]);

export const NEGATORS: ReadonlySet<string> = new Set([
  "not", "no", "never", "t", "dont", "cant", "cannot", "isnt", "wasnt", "didnt", "doesnt", "wont", "aint", "neither",
  "nor", "without", "nao", "nunca", "ni", "jamais", "pas", "nem", "sin", "sem",
]);

export const INTENSIFIERS: ReadonlySet<string> = new Set([
  "very", "really", "so", "extremely", "super", "totally", "absolutely", "completely", "too", "incredibly",
  "seriously", "truly", "muy", "muito", "tres", "tan", "tao", "demasiado", "bastante",
]);

/** Emoji by valence; the variation selector after ❤ etc. is ignored by the scanner. */
export const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map([
  ["😡", -3], ["🤬", -3], ["😠", -2.5], ["😤", -2], ["👎", -2], ["💩", -2.5], ["🙄", -1.5], ["😒", -1.5],
  ["😢", -1.5], ["😭", -2], ["😞", -1.5], ["😔", -1.5], ["😩", -1.5], ["😫", -1.5], ["😕", -1], ["☹", -1.5],
  ["🙁", -1.5], ["😖", -1.5], ["😣", -1.5], ["🤦", -1.5], ["😊", 2], ["🙂", 1.5], ["😀", 2], ["😃", 2], ["😄", 2],
  ["😁", 2], ["😍", 3], ["🥰", 3], ["❤", 2.5], ["💙", 2], ["👍", 1.5], ["🙏", 1], ["🎉", 2.5], ["😉", 1],
  ["✅", 1], ["👌", 1.5], ["😂", 1], ["🤣", 1], ["🥳", 2.5], ["💯", 1.5],
]);
