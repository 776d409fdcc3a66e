export default function ProposalsPage() {
  return <p>Coming next.</p>;
}
