package corpus

// Word lists the generator draws from. Read-only. Every word is lower-case
// ASCII letters, so heading ids are the same in quire and Hugo.
var (
	sectionWords = []string{
		"guides", "reference", "install", "operations", "security", "networking",
		"storage", "upgrades", "clusters", "projects", "monitoring", "backups",
		"api", "cli", "tutorials", "concepts", "admin", "integrations",
	}
	pageWords = []string{
		"agent", "proxy", "node", "cluster", "volume", "certificate", "token",
		"registry", "ingress", "service", "backup", "restore", "upgrade", "role",
		"policy", "secret", "catalog", "template", "workload", "pipeline",
		"logging", "alert", "quota", "namespace", "driver", "network", "user",
		"project", "snapshot", "endpoint",
	}
	headingWords = []string{
		"configure", "the", "install", "remove", "enable", "disable", "a", "new",
		"custom", "default", "settings", "options", "for", "with", "your", "proxy",
		"cluster", "nodes", "access", "rules", "limits", "upgrade", "path",
		"before", "after", "you", "begin", "check", "status", "logs",
	}
	commonHeadings = []string{
		"Overview", "Example", "Examples", "Prerequisites", "Next steps",
		"Troubleshooting", "Notes", "Options", "See also", "Example",
	}
	proseWords = []string{
		"the", "cluster", "agent", "runs", "on", "every", "node", "and", "reports",
		"its", "status", "to", "server", "when", "you", "change", "a", "setting",
		"it", "is", "applied", "after", "next", "restart", "of", "service", "each",
		"project", "has", "own", "namespace", "with", "quota", "limits", "that",
		"admins", "can", "edit", "from", "ui", "or", "command", "line", "this",
		"page", "describes", "how", "configure", "options", "for", "production",
		"use", "in", "most", "cases", "defaults", "are", "fine", "but", "large",
		"sites", "need", "more", "memory", "certificates", "expire", "once",
		"year", "so", "plan", "rotation", "ahead", "backups", "stored", "object",
		"storage", "by", "default",
	}
	codeWords = []string{
		"cluster-agent", "server-url", "max-pods", "log-level", "retention",
		"replicas", "timeout", "api-token", "node-name", "registry-mirror",
	}
)

// snippet is a code block template; NAME is replaced by a code word.
type snippet struct{ lang, code string }

var snippets = []snippet{
	{"go", `func NAME(ctx context.Context, c *Client) error {
	resp, err := c.Get(ctx, "/v3/NAME")
	if err != nil {
		return fmt.Errorf("get NAME: %w", err)
	}
	defer resp.Body.Close()
	for i := 0; i < 3; i++ {
		log.Printf("attempt %d: %s", i, resp.Status)
	}
	return nil
}
`},
	{"yaml", `apiVersion: apps/v1
kind: Deployment
metadata:
  name: NAME
  labels:
    app: NAME
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: NAME
          image: "registry.local/NAME:1.2.3"
          args: ["--NAME=true", "--verbose"]
`},
	{"bash", `# Install and check NAME.
export NAME_VERSION=v2.4.1
curl -sfL https://127.0.0.1/install.sh | sh -s -- --NAME "$NAME_VERSION"
if ! systemctl is-active --quiet NAME; then
  echo "NAME is not running" >&2
  exit 1
fi
`},
	{"json", `{
  "name": "NAME",
  "enabled": true,
  "replicas": 3,
  "labels": {"tier": "backend", "team": "platform"},
  "ports": [80, 443]
}
`},
	{"python", `def NAME(client, retries=3):
    """Fetch NAME, retrying on errors."""
    for attempt in range(retries):
        try:
            return client.get("/v3/NAME", timeout=10)
        except TimeoutError as err:
            print(f"attempt {attempt}: {err}")
    raise RuntimeError("NAME unavailable")
`},
	{"toml", `[NAME]
enabled = true
interval = "30s"
targets = ["node-1", "node-2"]
`},
	{"text", `NAME   READY   STATUS    RESTARTS   AGE
NAME   1/1     Running   0          4d2h
`},
}
