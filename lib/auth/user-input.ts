import { z } from "zod";
import { roleSchema } from "./roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like name@company.com").max(200));

export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const createUserInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(80, "Use at most 80 characters"),
  email: emailSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const changeRoleInputSchema = z.object({ userId: z.uuid(), role: roleSchema });
export const setActiveInputSchema = z.object({ userId: z.uuid(), active: z.boolean() });

export const signInInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});
