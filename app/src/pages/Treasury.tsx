export default function TreasuryPage() {
  return <p>Coming next.</p>;
}
