#!/usr/bin/env python3
"""How soon `wegweiser serve` shows a change of one content file.

Usage: bench/serve.py BIN ROOT [EDITS]

Starts `BIN serve` on a free port against ROOT (a generated directory,
`target/release/examples/gen --groups N --out ROOT`), waits for the first
build, then EDITS times changes the name of one group (a different group
each time), and measures from the write until /__wegweiser/status reports a
new build and the group's page shows the new name. Every file is restored
afterwards. Prints one line of medians:

    groups  first_build_ms  full_rebuild_ms  rebuild_ms  visible_ms  added_ms  edits

first_build_ms is the server's first build (every file read, everything
rendered: what each change cost before rebuilds were incremental);
full_rebuild_ms a rebuild after a change of the title in wegweiser.toml
(shown on every page, so everything is rendered again; the files are
not read again); rebuild_ms the server's own time for a rebuild after one
changed group; visible_ms the time from writing that group until its page
shows the change (includes the watcher's 30 ms wait for more events of
the same save); added_ms the time from writing a new group file until its
page is there (the file is removed afterwards).
"""

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

POLL = 0.002
PATIENCE = 60.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def status(port):
    body = get(port, "/__wegweiser/status")
    return json.loads(body) if body else None


def wait_for(what, check):
    started = time.monotonic()
    while time.monotonic() - started < PATIENCE:
        result = check()
        if result:
            return result
        time.sleep(POLL)
    sys.exit(f"serve.py: gave up waiting for {what}")


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def edit_and_restore(port, path, original, changed, done):
    """Writes `changed`, waits for a build with `done(status)` true, writes
    `original` back and waits for that build too. Returns (status, ms)."""
    before = status(port)["generation"]
    started = time.monotonic()
    write(path, changed)
    try:
        s = wait_for(path, lambda: (s := status(port)) and s["generation"] > before and done(s) and s)
        return s, (time.monotonic() - started) * 1000
    finally:
        before = status(port)["generation"]
        write(path, original)
        wait_for("the restore", lambda: (s := status(port)) and s["generation"] > before)
        time.sleep(0.3)


def add_and_remove(port, path, text, done):
    """Writes the new file `path`, waits for a build with `done(status)`
    true, removes the file and waits for that build too. Returns ms."""
    before = status(port)["generation"]
    started = time.monotonic()
    write(path, text)
    try:
        wait_for(path, lambda: (s := status(port)) and s["generation"] > before and done(s) and s)
        return (time.monotonic() - started) * 1000
    finally:
        before = status(port)["generation"]
        os.remove(path)
        wait_for("the removal", lambda: (s := status(port)) and s["generation"] > before)
        time.sleep(0.3)


def start(usage):
    """Reads `BIN ROOT [EDITS]` from the command line (else exits with
    `usage`) and starts `BIN serve --quiet` against ROOT on a free port.
    Returns (root, groups folder, group file names, edits, port, server)."""
    if len(sys.argv) < 3:
        sys.exit(usage)
    binary, root = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    folder = os.path.join(root, "content", "groups")
    groups = sorted(f for f in os.listdir(folder) if f.endswith(".md"))
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--root", root, "--port", str(port), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return root, folder, groups, edits, port, server


def renamed(original, i):
    """A group file's text with its name changed for edit `i`:
    (the name line, the new name, the new text)."""
    line = next(l for l in original.splitlines() if l.startswith("name = \""))
    changed_name = line[len("name = \""):-1] + f" (Änderung {i})"
    return line, changed_name, original.replace(line, f'name = "{changed_name}"', 1)


def copied(original, line, i):
    """A new group for edit `i`: a copy of a group file under another name,
    without its former file names. Returns (the new name, the text)."""
    new_name = line[len("name = \""):-1] + f" (neu {i})"
    text = original.replace(line, f'name = "{new_name}"', 1)
    text = "\n".join(l for l in text.split("\n") if not l.startswith("former_slugs"))
    return new_name, text


def main():
    root, folder, groups, edits, port, server = start(__doc__)
    rebuilds, visible, added = [], [], []
    try:
        first = wait_for("the first build", lambda: (s := status(port)) and s["generation"] >= 1 and s)
        if not first["ok"]:
            sys.exit("serve.py: the directory has errors")
        settings = os.path.join(root, "wegweiser.toml")
        with open(settings, encoding="utf-8") as f:
            original = f.read()
        title = next(l for l in original.splitlines() if l.startswith("title = \""))
        changed = original.replace(title, title[:-1] + ' (Test)"', 1)
        full, _ = edit_and_restore(port, settings, original, changed, lambda s: True)
        for i in range(edits):
            name = groups[(i * len(groups)) // edits]
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            line, changed_name, changed = renamed(original, i)
            page = f"/gruppen/{name[:-3]}/"
            s, ms = edit_and_restore(port, path, original, changed, lambda s: changed_name in (get(port, page) or ""))
            rebuilds.append(s["millis"])
            visible.append(ms)
            # A new group: a copy of this one under a new file name.
            slug = f"neu-im-test-{i}"
            new_name, text = copied(original, line, i)
            page = f"/gruppen/{slug}/"
            added.append(add_and_remove(port, os.path.join(folder, slug + ".md"), text, lambda s: new_name in (get(port, page) or "")))
    finally:
        server.terminate()
        server.wait()
    print(
        f"{'groups':<8} {'first_build_ms':>14} {'full_rebuild_ms':>15} {'rebuild_ms':>10} {'visible_ms':>10} "
        f"{'added_ms':>8} {'edits':>5}"
    )
    print(
        f"{len(groups):<8} {first['millis']:>14} {full['millis']:>15} {statistics.median(rebuilds):>10.0f} "
        f"{statistics.median(visible):>10.0f} {statistics.median(added):>8.0f} {edits:>5}"
    )


if __name__ == "__main__":
    main()
