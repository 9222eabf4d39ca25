import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthForm } from "@/components/auth/auth-form";
import { currentMember } from "@/lib/auth/member";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/auth";
import { studioHasOwner } from "@/lib/auth/page-member";
import { studioSettings } from "@/lib/auth/studio-settings";

export const metadata: Metadata = { title: "Sign in · Venice Studio" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (await currentMember(await headers())) redirect("/");
  if (!(await studioHasOwner())) redirect("/sign-up");
  const { openSignUp } = await studioSettings();
  return (
    <AuthCard
      title="Sign in"
      intro="Welcome back to the studio."
      footer={
        openSignUp ? (
          <>
            New here?{" "}
            <Link href="/sign-up" className="font-medium text-accent-700 underline-offset-4 hover:underline dark:text-accent-400">
              Create an account
            </Link>
          </>
        ) : (
          "New here? Ask the studio's owner or an admin for an invite link."
        )
      }
    >
      <AuthForm mode="sign-in" minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
