import { assertNever, err, ok, type Result } from "../../result";
import type { FlowNode } from "../flow-node";
import { nodeDisplayName } from "../node-catalog";
import { WA_LIMITS, charCount } from "../whatsapp-limits";
import { error, quote, type Issue } from "./issue";

/** Compiles a customer-facing pattern without letting a bad one throw. */
export function compilePattern(pattern: string): Result<RegExp, string> {
  try {
    return ok(new RegExp(pattern));
  } catch (cause) {
    return err(cause instanceof Error ? cause.message : String(cause));
  }
}

/** WhatsApp limits and configuration mistakes that live inside one node. */
export function checkNode(node: FlowNode): Issue[] {
  const name = quote(nodeDisplayName(node));
  const at = (field: string) => ({ nodeId: node.id, field });
  const issues: Issue[] = [];

  const duplicates = <T>(items: readonly T[], key: (item: T) => string, report: (item: T, index: number) => void) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) report(item, index);
      seen.add(k);
    });
  };
  const normalTitle = (title: string) => title.trim().toLowerCase();
  const interactiveBody = (field: string, text: string) => {
    if (charCount(text) > WA_LIMITS.interactiveBody) {
      issues.push(
        error(
          "text_too_long",
          `${name}: a question with buttons or a list must fit in ${WA_LIMITS.interactiveBody} characters (it has ${charCount(text)}). Shorten it.`,
          at(field),
        ),
      );
    }
  };
  const regex = (field: string, pattern: string) => {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) {
      issues.push(
        error("invalid_regex", `${name}: the format pattern ${quote(pattern)} is not a valid pattern (${compiled.error}). Fix it or clear it.`, at(field)),
      );
    }
  };

  switch (node.type) {
    case "ask": {
      const answer = node.data.answer;
      switch (answer.kind) {
        case "buttons":
          interactiveBody("prompt", node.data.prompt);
          if (answer.choices.length > WA_LIMITS.buttonsPerMessage) {
            issues.push(
              error(
                "too_many_buttons",
                `${name} has ${answer.choices.length} buttons; WhatsApp allows at most ${WA_LIMITS.buttonsPerMessage}. Use a list instead or remove one.`,
                at(`answer.choices.${WA_LIMITS.buttonsPerMessage}.title`),
              ),
            );
          }
          duplicates(answer.choices, (c) => normalTitle(c.title), (c, i) =>
            issues.push(error("duplicate_title", `${name} has two buttons called ${quote(c.title)}. WhatsApp needs each button title to be different.`, at(`answer.choices.${i}.title`))),
          );
          duplicates(answer.choices, (c) => c.id, (c, i) =>
            issues.push(error("duplicate_id", `${name} has two buttons with the id ${quote(c.id)}. Give this one a new id.`, at(`answer.choices.${i}.id`))),
          );
          break;
        case "list": {
          interactiveBody("prompt", node.data.prompt);
          if (answer.sections.length > WA_LIMITS.listSections) {
            issues.push(
              error("too_many_sections", `${name} has ${answer.sections.length} list sections; WhatsApp allows at most ${WA_LIMITS.listSections}. Merge some.`, at(`answer.sections.${WA_LIMITS.listSections}.title`)),
            );
          }
          const rows = answer.sections.flatMap((section, s) => section.rows.map((row, r) => ({ row, path: `answer.sections.${s}.rows.${r}` })));
          if (rows.length > WA_LIMITS.listRowsTotal) {
            const firstExtra = rows[WA_LIMITS.listRowsTotal];
            issues.push(
              error(
                "too_many_rows",
                `${name} has ${rows.length} list options; WhatsApp allows at most ${WA_LIMITS.listRowsTotal} in total. Remove some or split the question in two.`,
                firstExtra === undefined ? { nodeId: node.id } : at(`${firstExtra.path}.title`),
              ),
            );
          }
          duplicates(rows, (r) => r.row.id, (r) =>
            issues.push(error("duplicate_id", `${name} has two list options with the id ${quote(r.row.id)}. Give this one a new id.`, at(`${r.path}.id`))),
          );
          break;
        }
        case "free_text":
          if (answer.check.kind === "regex") regex("answer.check.pattern", answer.check.pattern);
          if (answer.check.kind === "number" && answer.check.min !== undefined && answer.check.max !== undefined && answer.check.min > answer.check.max) {
            issues.push(error("missing_value", `${name}: the smallest allowed number is bigger than the largest. Swap them.`, at("answer.check.min")));
          }
          break;
        default:
          assertNever(answer);
      }
      break;
    }
    case "categorize": {
      const categories = node.data.categories;
      if (node.data.display === "buttons") {
        if (categories.length > WA_LIMITS.buttonsPerMessage) {
          issues.push(
            error(
              "too_many_buttons",
              `${name} shows ${categories.length} topics as buttons; WhatsApp allows at most ${WA_LIMITS.buttonsPerMessage}. Show them as a list instead or remove one.`,
              at(`categories.${WA_LIMITS.buttonsPerMessage}.title`),
            ),
          );
        }
        categories.forEach((category, i) => {
          if (charCount(category.title) > WA_LIMITS.buttonTitle) {
            issues.push(
              error("text_too_long", `${name}: the button ${quote(category.title)} is longer than ${WA_LIMITS.buttonTitle} characters. Shorten it or show topics as a list.`, at(`categories.${i}.title`)),
            );
          }
        });
      } else if (categories.length > WA_LIMITS.listRowsTotal) {
        issues.push(
          error("too_many_rows", `${name} has ${categories.length} topics; a WhatsApp list shows at most ${WA_LIMITS.listRowsTotal}. Merge or remove some.`, at(`categories.${WA_LIMITS.listRowsTotal}.title`)),
        );
      }
      duplicates(categories, (c) => normalTitle(c.title), (c, i) =>
        issues.push(error("duplicate_title", `${name} has two topics called ${quote(c.title)}. Customers could not tell them apart.`, at(`categories.${i}.title`))),
      );
      duplicates(categories, (c) => c.id, (c, i) =>
        issues.push(error("duplicate_id", `${name} has two topics with the id ${quote(c.id)}. Give this one a new id.`, at(`categories.${i}.id`))),
      );
      break;
    }
    case "condition":
      duplicates(node.data.rules, (r) => r.id, (r, i) =>
        issues.push(error("duplicate_id", `${name} has two rules with the id ${quote(r.id)}. Give this one a new id.`, at(`rules.${i}.id`))),
      );
      node.data.rules.forEach((rule, i) => {
        const { operator, value } = rule.when;
        const needsValue = operator !== "is_set" && operator !== "is_not_set";
        if (needsValue && (value ?? "").trim() === "") {
          issues.push(error("missing_value", `${name}: the rule ${quote(rule.label)} needs a value to compare with.`, at(`rules.${i}.when.value`)));
        } else if ((operator === "greater_than" || operator === "less_than") && !Number.isFinite(Number(value))) {
          issues.push(error("missing_value", `${name}: the rule ${quote(rule.label)} compares numbers, but ${quote(value ?? "")} is not a number.`, at(`rules.${i}.when.value`)));
        }
      });
      break;
    case "status_lookup": {
      if (node.data.referencePattern !== "") regex("referencePattern", node.data.referencePattern);
      const source = node.data.source;
      if (source.kind === "static") {
        duplicates(source.records, (r) => r.reference.trim().toLowerCase(), (r, i) =>
          issues.push(error("duplicate_id", `${name} lists the reference ${quote(r.reference)} twice. Keep one row.`, at(`source.records.${i}.reference`))),
        );
      }
      break;
    }
    case "troubleshoot":
      duplicates(node.data.steps, (s) => s.id, (s, i) =>
        issues.push(error("duplicate_id", `${name} has two steps with the id ${quote(s.id)}. Give this one a new id.`, at(`steps.${i}.id`))),
      );
      node.data.steps.forEach((step, i) => {
        // Each step goes out as one buttons message: bold title, instructions, then the "did this fix it?" question.
        const body = `*${step.title}*\n${step.instructions}\n\n${node.data.confirmPrompt}`;
        if (charCount(body) > WA_LIMITS.interactiveBody) {
          issues.push(
            error(
              "text_too_long",
              `${name}: the step ${quote(step.title)} with its title and “${node.data.confirmPrompt}” comes to ${charCount(body)} characters; WhatsApp allows ${WA_LIMITS.interactiveBody} in a message with buttons. Shorten the instructions.`,
              at(`steps.${i}.instructions`),
            ),
          );
        }
      });
      if (normalTitle(node.data.yesLabel) === normalTitle(node.data.noLabel)) {
        issues.push(error("duplicate_title", `${name}: the “yes” and “no” buttons have the same title. WhatsApp needs them to differ.`, at("noLabel")));
      }
      break;
    case "schedule": {
      duplicates(node.data.actions, (a) => a, (a, i) =>
        issues.push(error("duplicate_id", `${name} offers ${quote(a)} twice. Remove one.`, at(`actions.${i}`))),
      );
      const calendar = node.data.calendar;
      if (calendar.kind === "static") {
        if (calendar.slots.length > WA_LIMITS.listRowsTotal) {
          issues.push(
            error("too_many_rows", `${name} offers ${calendar.slots.length} fixed slots; a WhatsApp list shows at most ${WA_LIMITS.listRowsTotal}. Remove some.`, at(`calendar.slots.${WA_LIMITS.listRowsTotal}.label`)),
          );
        }
        duplicates(calendar.slots, (s) => s.id, (s, i) =>
          issues.push(error("duplicate_id", `${name} has two slots with the id ${quote(s.id)}. Give this one a new id.`, at(`calendar.slots.${i}.id`))),
        );
      } else if (calendar.openHour >= calendar.closeHour) {
        issues.push(error("invalid_hours", `${name}: opening hour must be before closing hour.`, at("calendar.closeHour")));
      }
      break;
    }
    case "collect_documents":
      duplicates(node.data.items, (item) => item.id, (item, i) =>
        issues.push(error("duplicate_id", `${name} has two items with the id ${quote(item.id)}. Give this one a new id.`, at(`items.${i}.id`))),
      );
      break;
    case "handoff": {
      const hours = node.data.hours;
      if (hours !== undefined && hours.openHour >= hours.closeHour) {
        issues.push(error("invalid_hours", `${name}: opening hour must be before closing hour.`, at("hours.closeHour")));
      }
      break;
    }
    case "start":
    case "message":
    case "set_field":
    case "escalation_trigger":
    case "verify_identity":
    case "end":
      break;
    default:
      assertNever(node);
  }
  return issues;
}
