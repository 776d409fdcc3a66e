export default function ChartsPage() {
  return <p>Coming next.</p>;
}
