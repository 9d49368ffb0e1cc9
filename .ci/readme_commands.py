#!/usr/bin/env python3
"""Runs every command block of the project's READMEs as written, and checks what each one prints.

Every fenced ```bash block in the Markdown files below must be preceded by a check comment on the line (or
lines) just above it:

    <!-- check: expect="REGEX" [timeout=SECONDS] [exit=N] -->
        run the block with bash in the repository root; it must exit with N (default 0) within the timeout
        (default 600 s) and print a line matching REGEX (stdout and stderr together).
    <!-- check: background=NAME ready="REGEX" [timeout=SECONDS] [expect="REGEX"] -->
        start the block and go on once it printed a line matching ready; the blocks after it run while it
        runs. At the end of the file it gets SIGINT (Ctrl-C), must exit within 15 s with 0 or 130 (the
        status of a process that ended on Ctrl-C as designed), and, with expect, must have printed a line
        matching it by then.
    <!-- check: skip="REASON" -->
        not run here; REASON says why (only for commands that need hardware this machine does not have,
        such as a GPU).

A block without a check comment fails: a README command nobody runs is a command that will break.
Prints one line per block and closes with `readme: N passed, N failed, N skipped`; exits 1 on any failure.
"""
import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time

FILES = ["README.md", "station-config/README.md", "camera-adapters/README.md", "models/python/README.md",
         "models/python/aoi_models/motion/README.md"]
CHECK = re.compile(r"<!--\s*check:(.*?)-->", re.S)
FENCE = re.compile(r"^```bash\s*$")
STOP_GRACE_S = 15


class Block:
    def __init__(self, path, line, code, attrs):
        self.path, self.line, self.code, self.attrs = path, line, code, attrs

    @property
    def where(self):
        return f"{self.path}:{self.line}"


def parse_attrs(text):
    attrs = {}
    for token in shlex.split(text):
        if "=" not in token:
            raise ValueError(f"check attribute '{token}' has no value; write name=value")
        k, v = token.split("=", 1)
        if k not in ("expect", "timeout", "exit", "background", "ready", "skip"):
            raise ValueError(f"unknown check attribute '{k}'; allowed: expect, timeout, exit, background, ready, skip")
        attrs[k] = v
    return attrs


def blocks(root, path):
    lines = open(os.path.join(root, path), encoding="utf-8").read().split("\n")
    out, i = [], 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            start = i
            j = i + 1
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            code = "\n".join(lines[i + 1:j])
            above = "\n".join(lines[max(0, start - 4):start])
            m = list(CHECK.finditer(above))
            attrs = parse_attrs(m[-1].group(1)) if m else None
            out.append(Block(path, start + 1, code, attrs))
            i = j + 1
        else:
            i += 1
    return out


class Running:
    """A block's process with its output collected by a reader thread."""

    def __init__(self, block, root, log_dir):
        self.block = block
        self.log = os.path.join(log_dir, block.where.replace("/", "_").replace(":", "_") + ".log")
        self.lines = []
        # Ctrl-C as a terminal gives it: SIGINT with its default action, even when this checker itself was started
        # as a background job (which ignores SIGINT, and a JVM that inherits the ignore never sees Ctrl-C)
        self.proc = subprocess.Popen(["bash", "-euo", "pipefail", "-c", block.code], cwd=root,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True, text=True, errors="replace",
                                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        with open(self.log, "w", encoding="utf-8") as log:
            for line in self.proc.stdout:
                self.lines.append(line.rstrip("\n"))
                log.write(line)
                log.flush()

    def matched(self, regex):
        r = re.compile(regex)
        return any(r.search(line) for line in list(self.lines))

    def wait_for(self, regex, timeout_s):
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.matched(regex):
                return True
            if self.proc.poll() is not None:
                self.reader.join(5)
                return self.matched(regex)
            time.sleep(0.2)
        return False

    def signal(self, sig):
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            pass

    def tail(self, n=15):
        return "\n".join("      | " + l for l in self.lines[-n:])


def run_file(root, path, log_dir, results):
    background = []
    for b in blocks(root, path):
        if b.attrs is None:
            results.append((b, "FAIL", "no <!-- check: ... --> comment above the block"))
            continue
        if "skip" in b.attrs:
            results.append((b, "SKIP", b.attrs["skip"]))
            continue
        timeout_s = float(b.attrs.get("timeout", 600))
        if "background" in b.attrs:
            if "ready" not in b.attrs:
                results.append((b, "FAIL", "a background block needs ready=REGEX"))
                continue
            r = Running(b, root, log_dir)
            if r.wait_for(b.attrs["ready"], timeout_s):
                background.append(r)
                print(f"  started {b.where} ({b.attrs['background']}), ready", flush=True)
            else:
                r.signal(signal.SIGKILL)
                results.append((b, "FAIL", f"never printed ready={b.attrs['ready']!r} within {timeout_s:.0f} s\n{r.tail()}"))
            continue
        if "expect" not in b.attrs:
            results.append((b, "FAIL", "the check comment needs expect=REGEX"))
            continue
        r = Running(b, root, log_dir)
        t0 = time.monotonic()
        try:
            rc = r.proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            r.signal(signal.SIGKILL)
            r.proc.wait()
            results.append((b, "FAIL", f"still running after {timeout_s:.0f} s\n{r.tail()}"))
            continue
        r.reader.join(10)
        want = int(b.attrs.get("exit", 0))
        took = time.monotonic() - t0
        if rc != want:
            results.append((b, "FAIL", f"exit {rc}, expected {want}\n{r.tail()}"))
        elif not r.matched(b.attrs["expect"]):
            results.append((b, "FAIL", f"no line matched expect={b.attrs['expect']!r}\n{r.tail()}"))
        else:
            results.append((b, "PASS", f"{took:.1f} s"))
    for r in background:
        b = r.block
        r.signal(signal.SIGINT)
        try:
            rc = r.proc.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            r.signal(signal.SIGKILL)
            r.proc.wait()
            results.append((b, "FAIL", f"did not stop within {STOP_GRACE_S} s of Ctrl-C\n{r.tail()}"))
            continue
        r.reader.join(10)
        if rc not in (0, 130):
            results.append((b, "FAIL", f"exit {rc} after Ctrl-C, expected 0 or 130\n{r.tail()}"))
        elif "expect" in b.attrs and not r.matched(b.attrs["expect"]):
            results.append((b, "FAIL", f"no line matched expect={b.attrs['expect']!r}\n{r.tail()}"))
        else:
            results.append((b, "PASS", "stopped cleanly on Ctrl-C"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                    help="repository root (default: this script's checkout)")
    ap.add_argument("--list", action="store_true", help="list the blocks and their checks, run nothing")
    args = ap.parse_args()
    if args.list:
        for path in FILES:
            for b in blocks(args.root, path):
                print(f"{b.where}: {b.attrs}")
        return 0
    log_dir = tempfile.mkdtemp(prefix="readme-commands-")
    results = []
    for path in FILES:
        if os.path.exists(os.path.join(args.root, path)):
            print(f"== {path}", flush=True)
            run_file(args.root, path, log_dir, results)
    for b, status, detail in results:
        print(f"{status} {b.where}: {detail}")
    passed = sum(1 for _, s, _ in results if s == "PASS")
    failed = sum(1 for _, s, _ in results if s == "FAIL")
    skipped = sum(1 for _, s, _ in results if s == "SKIP")
    print(f"logs in {log_dir}")
    print(f"readme: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
