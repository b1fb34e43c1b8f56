#!/usr/bin/env python3
"""Stop-gap checker for Trellis module content (until `trellis content check` exists).

Usage: tools/video/check-content.py [content/modules/<slug> ...]
With no arguments every folder under content/modules/ is checked. Exit status 1 on any error.
Rules are those in docs/authoring.md. Python 3 standard library only.
"""
import json
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE_RE = re.compile(r"^(`{3,}|~{3,})\s*(.*)$")
INFO_RE = re.compile(r"^trellis-([a-z]+)\s+id=([^\s]+)(?:\s+(optional))?\s*$")
TYPES = {"quiz", "scenario", "sort", "reflection", "video", "resource", "actionplan", "further"}
AUDIENCES = {"leader", "teacher", "ect", "support"}
REQUIRED_KINDS = ("quiz", "scenario", "sort", "resource", "actionplan", "further", "video")


class Checker:
    def __init__(self, folder):
        self.folder = folder
        self.slug = os.path.basename(os.path.normpath(folder))
        self.errors = []
        self.blocks = []  # (page, line, type, id, optional, body lines)

    def err(self, where, msg):
        self.errors.append(f"{self.slug}/{where}: {msg}")

    def exists(self, where, rel, what):
        if not rel:
            self.err(where, f"{what} is empty")
            return
        if rel.startswith("/") or ".." in rel.split("/"):
            self.err(where, f"{what} '{rel}' must be a relative path inside the module folder")
            return
        if not os.path.isfile(os.path.join(self.folder, rel)):
            self.err(where, f"{what} '{rel}' does not exist")

    # ---------------------------------------------------------------- module.json
    def check_manifest(self):
        path = os.path.join(self.folder, "module.json")
        try:
            with open(path, encoding="utf-8") as f:
                m = json.load(f)
        except (OSError, ValueError) as e:
            self.err("module.json", f"cannot read: {e}")
            return None
        if not SLUG_RE.match(self.slug):
            self.err("module.json", f"folder name '{self.slug}' is not a valid slug")
        if m.get("slug") != self.slug:
            self.err("module.json", f"slug '{m.get('slug')}' does not equal folder name '{self.slug}'")
        for key in ("title", "summary"):
            if not isinstance(m.get(key), str) or not m[key].strip():
                self.err("module.json", f"'{key}' must be a non-empty string")
        for key in ("audience", "topics", "outcomes", "pages"):
            v = m.get(key)
            if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v):
                self.err("module.json", f"'{key}' must be a non-empty list of strings")
        for a in m.get("audience") or []:
            if a not in AUDIENCES:
                self.err("module.json", f"audience '{a}' is not one of {sorted(AUDIENCES)}")
        for t in m.get("topics") or []:
            if not SLUG_RE.match(str(t)):
                self.err("module.json", f"topic '{t}' must be lowercase a-z0-9-")
        if not isinstance(m.get("minutes"), int) or m["minutes"] <= 0:
            self.err("module.json", "'minutes' must be a positive integer")
        if not isinstance(m.get("hours"), (int, float)) or isinstance(m.get("hours"), bool) or m["hours"] <= 0:
            self.err("module.json", "'hours' must be a positive number")
        extra = set(m) - {"slug", "title", "summary", "audience", "topics", "minutes", "hours", "outcomes", "pages"}
        if extra:
            self.err("module.json", f"unknown keys: {sorted(extra)}")
        pages = m.get("pages") or []
        if len(set(pages)) != len(pages):
            self.err("module.json", "a page is listed twice")
        for p in pages:
            if "/" in p or not p.endswith(".md"):
                self.err("module.json", f"page '{p}' must be a .md file directly in the module folder")
            elif not os.path.isfile(os.path.join(self.folder, p)):
                self.err("module.json", f"page '{p}' does not exist")
        return m

    # ---------------------------------------------------------------- pages
    def scan_page(self, page):
        with open(os.path.join(self.folder, page), encoding="utf-8") as f:
            lines = f.read().split("\n")
        if not lines or not re.match(r"^# \S", lines[0]):
            self.err(page, "first line must be '# Page title'")
        i = 0
        while i < len(lines):
            m = FENCE_RE.match(lines[i])
            if not m:
                for img in re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", lines[i]):
                    if not re.match(r"^[a-z]+:", img):
                        self.exists(f"{page}:{i + 1}", img, "image")
                i += 1
                continue
            fence, info, start = m.group(1), m.group(2).strip(), i
            body = []
            i += 1
            close = re.compile("^" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
            while i < len(lines) and not close.match(lines[i]):
                body.append(lines[i])
                i += 1
            if i >= len(lines):
                self.err(f"{page}:{start + 1}", "fenced block is never closed")
            i += 1
            if not info.startswith("trellis-"):
                continue
            im = INFO_RE.match(info)
            if not im:
                self.err(f"{page}:{start + 1}", f"bad info string '{info}' (want 'trellis-TYPE id=ID [optional]')")
                continue
            kind, bid, opt = im.group(1), im.group(2), bool(im.group(3))
            if kind not in TYPES:
                self.err(f"{page}:{start + 1}", f"unknown block type 'trellis-{kind}'")
                continue
            if not ID_RE.match(bid):
                self.err(f"{page}:{start + 1}", f"id '{bid}' must be lowercase a-z0-9-")
            self.blocks.append((page, start + 1, kind, bid, opt, body))

    @staticmethod
    def fields(body):
        out = {}
        for ln in body:
            m = re.match(r"^([a-z]+):\s?(.*)$", ln)
            if m and not ln.startswith("- "):
                out.setdefault(m.group(1), m.group(2).strip())
        return out

    def check_block(self, page, line, kind, bid, body, reflection_ids):
        where = f"{page}:{line} ({bid})"
        f = self.fields(body)
        items = [ln[2:].strip() for ln in body if ln.startswith("- ")]
        if kind == "quiz":
            if not f.get("question"):
                self.err(where, "quiz needs 'question:'")
            multiple = f.get("multiple", "false")
            if multiple not in ("true", "false"):
                self.err(where, "'multiple:' must be true or false")
            opts = [ln for ln in body if ln.startswith("- ")]
            correct = 0
            for o in opts:
                om = re.match(r"^- \[( |x)\] (\S.*?)(?: \| (.*))?$", o)
                if not om:
                    self.err(where, f"bad option line '{o}' (want '- [x] text | feedback' or '- [ ] ...')")
                    continue
                correct += om.group(1) == "x"
            if len(opts) < 2:
                self.err(where, "quiz needs at least 2 options")
            if correct < 1:
                self.err(where, "quiz needs at least one [x]")
            if multiple == "false" and correct != 1:
                self.err(where, "single-answer quiz needs exactly one [x]")
        elif kind == "scenario":
            nodes, order, cur = {}, [], None
            for ln in body:
                nm = re.match(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)\s*$", ln)
                if nm:
                    cur = nm.group(1)
                    if cur in nodes:
                        self.err(where, f"node '@{cur}' defined twice")
                    nodes[cur] = {"text": [], "choices": []}
                    order.append(cur)
                    continue
                if ln.startswith("@"):
                    self.err(where, f"bad node line '{ln}'")
                    continue
                if cur is None:
                    if ln.strip() and not ln.startswith("title:"):
                        self.err(where, f"text before @start: '{ln}'")
                    continue
                cm = re.match(r"^- (.+?) -> ([a-z0-9]+(?:-[a-z0-9]+)*)\s*$", ln)
                if cm:
                    nodes[cur]["choices"].append((cm.group(1), cm.group(2)))
                elif ln.startswith("- ") and " -> " in ln:
                    self.err(where, f"bad choice line '{ln}'")
                else:
                    nodes[cur]["text"].append(ln)
            if not f.get("title"):
                self.err(where, "scenario needs 'title:'")
            for need in ("start", "debrief"):
                if need not in nodes:
                    self.err(where, f"scenario needs '@{need}'")
            if "debrief" in nodes and nodes["debrief"]["choices"]:
                self.err(where, "@debrief cannot have choices")
            for name, n in nodes.items():
                if not "".join(n["text"]).strip():
                    self.err(where, f"node '@{name}' has no text")
                for _, tgt in n["choices"]:
                    if tgt not in nodes or tgt in ("start", "debrief"):
                        self.err(where, f"choice in '@{name}' points to missing or invalid node '{tgt}'")
            seen, todo = set(), ["start"] if "start" in nodes else []
            while todo:
                n = todo.pop()
                if n in seen or n not in nodes:
                    continue
                seen.add(n)
                todo.extend(t for _, t in nodes[n]["choices"])
            for name in nodes:
                if name not in seen and name != "debrief":
                    self.err(where, f"node '@{name}' is unreachable from @start")
            if not any(not n["choices"] for k, n in nodes.items() if k != "debrief" and k in seen):
                self.err(where, "scenario has no ending (a node without choices)")
        elif kind == "sort":
            mode = f.get("mode")
            if not f.get("prompt"):
                self.err(where, "sort needs 'prompt:'")
            if not f.get("feedback"):
                self.err(where, "sort needs 'feedback:'")
            if len(items) < 2:
                self.err(where, "sort needs at least 2 items")
            if mode == "order":
                if any(" => " in it for it in items):
                    self.err(where, "order-mode items must not use '=>'")
            elif mode == "groups":
                groups = [g.strip() for g in f.get("groups", "").split("|") if g.strip()]
                if len(groups) < 2:
                    self.err(where, "groups mode needs 'groups: A | B' with at least 2 groups")
                for it in items:
                    if " => " not in it:
                        self.err(where, f"item '{it}' needs ' => Group'")
                    elif it.rsplit(" => ", 1)[1].strip() not in groups:
                        self.err(where, f"item '{it}' names a group not in 'groups:'")
            else:
                self.err(where, "sort needs 'mode: order' or 'mode: groups'")
        elif kind == "reflection":
            if not f.get("prompt"):
                self.err(where, "reflection needs 'prompt:'")
        elif kind == "video":
            for key in ("title", "src", "captions", "transcript", "poster"):
                if key == "title":
                    if not f.get("title"):
                        self.err(where, "video needs 'title:'")
                else:
                    self.exists(where, f.get(key, ""), key)
            if f.get("captions"):
                p = os.path.join(self.folder, f["captions"])
                if os.path.isfile(p):
                    with open(p, encoding="utf-8") as vf:
                        if not vf.readline().startswith("WEBVTT"):
                            self.err(where, "captions file does not start with WEBVTT")
        elif kind == "resource":
            if not f.get("title"):
                self.err(where, "resource needs 'title:'")
            if ("source" in f) == ("file" in f):
                self.err(where, "resource needs exactly one of 'source:' or 'file:'")
            self.exists(where, f.get("source") or f.get("file") or "", "resource")
        elif kind == "actionplan":
            if not f.get("prompt"):
                self.err(where, "actionplan needs 'prompt:'")
            for r in [x.strip() for x in f.get("reflections", "").split(",") if x.strip()]:
                if r not in reflection_ids:
                    self.err(where, f"reflections: '{r}' is not a reflection block id in this module")
        elif kind == "further":
            if not items:
                self.err(where, "further needs at least one '- ' line")
            for it in items:
                mm = re.match(r"^module: ([a-z0-9-]+) — \S", it)
                lm = re.match(r"^\[[^\]]+\]\((https?://[^)\s]+)\) — \S", it)
                if mm:
                    if not os.path.isfile(os.path.join(os.path.dirname(self.folder), mm.group(1), "module.json")):
                        self.err(where, f"module '{mm.group(1)}' does not exist")
                elif not lm:
                    self.err(where, f"bad further line '{it}' (want '[Title](https://...) — why' or 'module: slug — why')")

    def run(self, strict_kinds=True):
        m = self.check_manifest()
        if m is None:
            return self.errors
        for p in m.get("pages") or []:
            if os.path.isfile(os.path.join(self.folder, p)):
                self.scan_page(p)
        seen = {}
        for page, line, kind, bid, _, _ in self.blocks:
            if bid in seen:
                self.err(f"{page}:{line}", f"id '{bid}' already used at {seen[bid]}")
            seen[bid] = f"{page}:{line}"
        reflection_ids = {b[3] for b in self.blocks if b[2] == "reflection"}
        for page, line, kind, bid, _, body in self.blocks:
            self.check_block(page, line, kind, bid, body, reflection_ids)
        if strict_kinds:  # the sample modules' own bar (issue 3), not a format rule
            kinds = [b[2] for b in self.blocks]
            for k in REQUIRED_KINDS:
                if k not in kinds:
                    self.err("module", f"has no trellis-{k} block")
            if kinds.count("reflection") < 3:
                self.err("module", "has fewer than 3 reflection blocks")
            if len(m.get("pages") or []) < 6:
                self.err("module", "has fewer than 6 pages")
        return self.errors


def main(argv):
    folders = argv[1:] or sorted(
        os.path.join(ROOT, "content", "modules", d)
        for d in os.listdir(os.path.join(ROOT, "content", "modules"))
        if os.path.isdir(os.path.join(ROOT, "content", "modules", d)))
    errors = 0
    for folder in folders:
        c = Checker(folder)
        errs = c.run()
        for e in errs:
            print("ERROR", e)
        errors += len(errs)
        kinds = {}
        for b in c.blocks:
            kinds[b[2]] = kinds.get(b[2], 0) + 1
        print(f"{c.slug}: {len(errs)} error(s); blocks: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
