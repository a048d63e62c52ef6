// WhatsApp Cloud API limits, from shared/whatsapp-facts.md §8. Where sources disagree we keep the safest value.
export const WA_LIMITS = {
  textBody: 4096,
  mediaCaption: 1024,
  interactiveBody: 1024, // reply buttons 1024; list body: 4096 vs 1024 in the OAS, safest 1024
  headerText: 60,
  footerText: 60,
  buttonsPerMessage: 3,
  buttonTitle: 20,
  buttonId: 256,
  listButtonLabel: 20,
  listSections: 10,
  listRowsTotal: 10, // across all sections combined (safest reading)
  sectionTitle: 24,
  rowId: 200,
  rowTitle: 24,
  rowDescription: 72,
  inboundMediaBytes: 100 * 1024 * 1024,
  webhookBodyBytes: 3 * 1024 * 1024,
} as const;

/** Counts code points: WhatsApp limits are characters, not UTF-16 units. */
export const charCount = (text: string): number => [...text].length;

export const fitsChars = (limit: number) => (text: string) => charCount(text) <= limit;
