#!/usr/bin/env python3
"""How soon a save through the editor's API (`POST /api/v1`) shows.

Usage: bench/serve_api.py BIN ROOT [EDITS]

Starts `BIN serve` on a free port against ROOT (a generated directory,
`examples/gen --groups N --out ROOT`), waits for the first build, then
EDITS times saves one group with a changed name through `persistEntry`
(as Decap does) and measures from sending the request until the group's
page shows the new name; each group is saved back the same way. Also
times `entriesByFolder` of content/groups (what Decap asks for when it
opens the collection) and a new group through `persistEntry` until its
page is there (removed again with `deleteFile`). Prints one line of
medians:

    groups  save_ms  save_answer_ms  new_ms  delete_ms  folder_ms  folder_mb  edits

save_ms is request sent → changed page served; save_answer_ms the API's
answer alone (check, write, build: the page is built before the answer);
folder_ms the whole answer of entriesByFolder (folder_mb its size).
"""

import json
import os
import statistics
import sys
import time
import urllib.request

# The helpers of bench/serve.py (same folder): one copy.
from serve import copied, get, renamed, start, wait_for  # noqa: E402


def api(port, action, params):
    """POSTs like Decap; returns (status, raw bytes)."""
    body = json.dumps({"action": action, "params": params}).encode("utf-8")
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", "Origin": f"http://127.0.0.1:{port}"},
    )
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def persist(port, path, raw):
    params = {
        "branch": "main",
        "dataFiles": [{"slug": "x", "path": path, "raw": raw}],
        "assets": [],
        "options": {"commitMessage": "bench", "useWorkflow": False, "status": ""},
    }
    code, body = api(port, "persistEntry", params)
    if code != 200:
        sys.exit(f"serve_api.py: persistEntry {path}: {code} {body[:500]!r}")


def main():
    root, _, groups, edits, port, server = start(__doc__)
    saves, answers, added, deleted, listed = [], [], [], [], []
    size = 0
    try:
        wait_for("the first build", lambda: get(port, "/__wegweiser/status"))
        wait_for("the first build", lambda: json.loads(get(port, "/__wegweiser/status"))["generation"] >= 1)
        for _ in range(3):
            started = time.monotonic()
            code, body = api(port, "entriesByFolder", {"branch": "main", "folder": "content/groups", "extension": "md", "depth": 1})
            listed.append((time.monotonic() - started) * 1000)
            if code != 200 or len(json.loads(body)) != len(groups):
                sys.exit(f"serve_api.py: entriesByFolder: {code}")
            size = len(body)
        for i in range(edits):
            name = groups[(i * len(groups)) // edits]
            rel = f"content/groups/{name}"
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                original = f.read()
            line, changed_name, changed = renamed(original, i)
            page = f"/gruppen/{name[:-3]}/"
            started = time.monotonic()
            persist(port, rel, changed)
            answers.append((time.monotonic() - started) * 1000)
            wait_for(page, lambda: changed_name in (get(port, page) or ""))
            saves.append((time.monotonic() - started) * 1000)
            persist(port, rel, original)
            # A new group: a copy of this one under a new name.
            slug = f"neu-im-test-{i}"
            new_name, text = copied(original, line, i)
            page = f"/gruppen/{slug}/"
            started = time.monotonic()
            persist(port, f"content/groups/{slug}.md", text)
            wait_for(page, lambda: new_name in (get(port, page) or ""))
            added.append((time.monotonic() - started) * 1000)
            started = time.monotonic()
            code, body = api(port, "deleteFile", {"branch": "main", "path": f"content/groups/{slug}.md", "options": {"commitMessage": "bench"}})
            if code != 200:
                sys.exit(f"serve_api.py: deleteFile: {code} {body[:500]!r}")
            deleted.append((time.monotonic() - started) * 1000)
    finally:
        server.terminate()
        server.wait()
    print(f"{'groups':<8} {'save_ms':>7} {'save_answer_ms':>14} {'new_ms':>6} {'delete_ms':>9} {'folder_ms':>9} {'folder_mb':>9} {'edits':>5}")
    print(
        f"{len(groups):<8} {statistics.median(saves):>7.0f} {statistics.median(answers):>14.0f} "
        f"{statistics.median(added):>6.0f} {statistics.median(deleted):>9.0f} {statistics.median(listed):>9.0f} "
        f"{size / 1e6:>9.1f} {edits:>5}"
    )


if __name__ == "__main__":
    main()
