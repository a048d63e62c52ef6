import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "@/db/queries/sign-in";
import { signInInputSchema } from "@/lib/auth/user-input";
import { resolveAuthSecret } from "@/lib/server/auth-secret";
import { clientAddress } from "@/lib/server/client-address";
import { roleSchema } from "@/lib/auth/roles";

class RateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // The sign-in form checks first to show friendly errors; this protects the endpoint when called directly.
      authorize: async (raw, request) => {
        const input = signInInputSchema.safeParse(raw);
        if (!input.success) return null;
        const result = await checkCredentials({ ...input.data, address: clientAddress(request.headers) });
        if (!result.ok) {
          if (result.error.code === "rate-limited") throw new RateLimited();
          return null;
        }
        return { id: result.value.id, email: result.value.email, name: result.value.name, role: result.value.role };
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user?.id) {
        token.sub = user.id;
        const role = roleSchema.safeParse((user as { role?: unknown }).role);
        if (role.success) token.role = role.data;
      }
      return token;
    },
    session: ({ session, token }) => {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
