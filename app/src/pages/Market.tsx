export default function MarketPage() {
  return <p>Coming next.</p>;
}
