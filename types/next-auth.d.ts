import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    role?: "admin" | "editor" | "tester" | "agent";
  }
}
