import { chargeDisplay } from "@/lib/money";

/**
 * An amount of money spent, to the cent and rounded up as charges are (lib/money
 * chargeDisplay), with its exact figure in a tooltip when the cents hide part of it.
 */
export function UsdAmount({ usd, testId }: { usd: number; testId?: string }) {
  const { text, title } = chargeDisplay(usd);
  return (
    <span title={title} data-testid={testId}>
      {text}
    </span>
  );
}
