export default function ClaimsPage() {
  return <p>Coming next.</p>;
}
