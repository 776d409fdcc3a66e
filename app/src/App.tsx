import { lazy, Suspense, useEffect, useState, type ComponentType } from "react";
import { useConnect, useConnection, useConnectors, useDisconnect } from "wagmi";

import { chains } from "./chain/config.js";
import { DeploymentGate } from "./chain/deployment.js";
import { useChecksum } from "./chain/hooks.js";
import { AccountPage } from "./pages/Account.js";

/** Pages by their address (`#/claims`); My account comes first and loads with the app. */
const PAGES: ReadonlyArray<{ path: string; title: string; page: ComponentType }> = [
  { path: "account", title: "My account", page: AccountPage },
  { path: "claims", title: "Claims", page: lazy(() => import("./pages/Claims.js")) },
  { path: "proposals", title: "Proposals", page: lazy(() => import("./pages/Proposals.js")) },
  { path: "treasury", title: "Treasury", page: lazy(() => import("./pages/Treasury.js")) },
  { path: "market", title: "Market", page: lazy(() => import("./pages/Market.js")) },
  { path: "charts", title: "Charts", page: lazy(() => import("./pages/Charts.js")) },
  { path: "federation", title: "Federation", page: lazy(() => import("./pages/Federation.js")) },
];

function currentPath(): string {
  const path = window.location.hash.replace(/^#\/?/, "");
  return PAGES.some((p) => p.path === path) ? path : "account";
}

export function App() {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onHash = () => {
      setPath(currentPath());
      // Screen readers and keyboards start reading the new page at its heading.
      document.getElementById("main")?.focus();
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const page = PAGES.find((p) => p.path === path) ?? PAGES[0];
  useEffect(() => {
    document.title = `${page.title} · Confoederatio`;
  }, [page]);

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header>
        <p className="brand">Confoederatio</p>
        <Wallet />
        <nav aria-label="Pages">
          <ul>
            {PAGES.map((p) => (
              <li key={p.path}>
                <a href={`#/${p.path}`} aria-current={p.path === path ? "page" : undefined}>
                  {p.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{page.title}</h1>
        <Connected>
          <Suspense fallback={<p role="status">Loading…</p>}>
            <page.page />
          </Suspense>
        </Connected>
      </main>
    </>
  );
}

function Wallet() {
  const { address, chainId, status } = useConnection();
  const connectors = useConnectors();
  const { connect, error } = useConnect();
  const { disconnect } = useDisconnect();
  const checksum = useChecksum();
  if (status === "connected" && address !== undefined) {
    const chain = chains.find((c) => c.id === chainId);
    return (
      <div className="wallet">
        <span>
          <span className="visually-hidden">Connected account </span>
          <code data-testid="account">{checksum(address)}</code>
          {" on "}
          {chain?.name ?? `chain ${chainId}`}
        </span>
        <button type="button" onClick={() => disconnect()}>
          Disconnect
        </button>
      </div>
    );
  }
  const injected = connectors[0];
  return (
    <div className="wallet">
      <button
        type="button"
        disabled={injected === undefined || status === "connecting"}
        onClick={() => injected !== undefined && connect({ connector: injected })}
      >
        {status === "connecting" ? "Connecting…" : "Connect wallet"}
      </button>
      {error !== null && <span role="alert">{error.message.split("\n")[0]}</span>}
    </div>
  );
}

function Connected({ children }: { children: React.ReactNode }) {
  const { status, chainId } = useConnection();
  if (status !== "connected" || chainId === undefined) {
    return (
      <p>
        Connect a browser wallet (set up for RSK, or for the local node) to see your cooperative.
      </p>
    );
  }
  if (!chains.some((c) => c.id === chainId)) {
    return (
      <p role="alert">
        The wallet is on chain {chainId}. Switch it to RSK mainnet (30), RSK testnet (31) or the
        local node (31337).
      </p>
    );
  }
  return <DeploymentGate chainId={chainId}>{children}</DeploymentGate>;
}
