// Texts the engine needs that the node schemas do not (yet) let a manager edit. Kept together so that a
// later schema field or a translation replaces them in one place.
export const DEFAULT_TEXTS = {
  handoffFallbackConfirmation: "I'm connecting you to our team. You'll get a reply here soon.",
  verifyRetry: "That doesn't match. Please try again.",
  verifyCodeHint: "Please type the code we just sent you.",
  troubleshootRetry: "Please tap one of the buttons.",
  csatPrompt: "Tap to rate",
  csatLabels: ["1 – Very poor", "2 – Poor", "3 – Okay", "4 – Good", "5 – Excellent"],
  scheduleActions: { book: "Book", reschedule: "Reschedule", cancel: "Cancel booking" },
  scheduleChooseSlot: "Here are the next free times. Which suits you?",
  scheduleSlotButton: "See times",
  scheduleNoSlots: "Sorry, there are no free times right now.",
  scheduleAskAppointment: "What is your appointment reference?",
  scheduleSlotRetry: "Please pick one of the times from the list.",
  scheduleFailed: "Sorry, I couldn't complete that booking.",
  scheduleCancelled: "Your appointment {{appointment_id}} is cancelled.",
  documentWrongType: "That file type isn't accepted for this item.",
  documentTooLarge: "That file is too large for this item.",
  documentNeedsFile: "Please send a photo or file for this item.",
  documentNeedsText: "Please type your answer for this item.",
  chooseOption: "Please choose one of the options.",
} as const;
