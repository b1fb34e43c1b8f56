#!/usr/bin/env python3
"""Everyone in SESSIONS answering an open survey over HTTP, a bounded number at a time, as browsers would.

Usage: submitters.py BASE_URL SURVEY_ID WORKERS SESSIONS [--goal SECONDS] [--deadline SECONDS]
SESSIONS has "token staff_group" per line (from seed_surveys.py). Each person opens the answer form
(GET /surveys/N), reads the CSRF token and the fields offered to their staff group from it, and
sends answers to every kind of question (POST /surveys/N/answers, which must answer 303 to
?sent=1). WORKERS threads each keep one connection to the server. The goal (default 60 s) is
everyone sent within it and no error; no new person starts after the deadline (default 150 s), so
the run is bounded even when the goal is missed, and those left count as not sent. Prints people,
successes, errors, wall time, requests per second, the latency of each request kind and whether the
goal was met; exits non-zero on any error or anyone not sent.
"""
import http.client
import random
import re
import sys
import threading
import time
import urllib.parse

base, survey_id, workers, sessions_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
goal = float(sys.argv[sys.argv.index("--goal") + 1]) if "--goal" in sys.argv else 60.0
deadline = float(sys.argv[sys.argv.index("--deadline") + 1]) if "--deadline" in sys.argv else 150.0
host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit("submitters.py talks to loopback only")
people = [line.split() for line in open(sessions_path) if line.strip()]

CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
RADIO = re.compile(r'<input type="radio" id="[^"]*" name="(q\d+(?:_\d+)?)" value="(\d+)"')
CHECKBOX = re.compile(r'<input type="checkbox" id="[^"]*" name="(q\d+)" value="(\d+)"')
RANK = re.compile(r'<input type="number"[^>]* name="(q\d+)_(\d+)"')
TEXTAREA = re.compile(r'<textarea id="[^"]*" name="(q\d+)"')
WORDS = ["More time to plan together with colleagues in my phase.", "Behaviour training for everyone, support "
         "staff included.", "Short sessions after school rather than whole days.", "Help with adaptive teaching."]

lock = threading.Lock()
counts = {"sent": 0, "errors": 0, "requests": 0, "not_started": 0}
latencies = {"GET": [], "POST": []}
errors_seen = []
next_person = [0]


def note_error(text):
    with lock:
        counts["errors"] += 1
        if len(errors_seen) < 8:
            errors_seen.append(text)


def request(connection, method, url, token, body=None):
    headers = {"Cookie": f"trellis_session={token}"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    started = time.monotonic()
    connection.request(method, url, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    with lock:
        counts["requests"] += 1
        latencies[method].append(time.monotonic() - started)
    return response, text


def answers_from_form(page, rng):
    """The form's fields filled in: every radio group and grid row, some ticks, a ranking, sometimes text."""
    form = [("_csrf", CSRF.search(page).group(1))]
    radios = {}
    for name, value in RADIO.findall(page):
        radios.setdefault(name, []).append(value)
    for name, values in radios.items():
        if rng.random() > 0.04:
            form.append((name, rng.choice(values)))
    ticks = {}
    for name, value in CHECKBOX.findall(page):
        ticks.setdefault(name, []).append(value)
    for name, values in ticks.items():
        for value in rng.sample(values, rng.randint(1, min(3, len(values)))):
            form.append((name, value))
    ranks = {}
    for name, option in RANK.findall(page):
        ranks.setdefault(name, []).append(option)
    for name, options in ranks.items():
        chosen = rng.sample(options, rng.randint(2, len(options)))
        for option in options:
            form.append((f"{name}_{option}", str(chosen.index(option) + 1) if option in chosen else ""))
    for name in TEXTAREA.findall(page):
        form.append((name, rng.choice(WORDS) if rng.random() < 0.35 else ""))
    return urllib.parse.urlencode(form)


def answer(connection, token, rng):
    response, page = request(connection, "GET", f"/surveys/{survey_id}", token)
    if response.status != 200 or not CSRF.search(page):
        return note_error(f"GET /surveys/{survey_id} -> {response.status}")
    response, _ = request(connection, "POST", f"/surveys/{survey_id}/answers", token, answers_from_form(page, rng))
    location = response.getheader("Location", "")
    if response.status != 303 or "sent=1" not in location:
        return note_error(f"POST /surveys/{survey_id}/answers -> {response.status} {location}")
    with lock:
        counts["sent"] += 1


def worker(started):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    while True:
        with lock:
            position = next_person[0]
            if position >= len(people):
                break
            if time.monotonic() - started > deadline:
                counts["not_started"] = len(people) - position
                next_person[0] = len(people)
                break
            next_person[0] += 1
        token, _group = people[position]
        try:
            answer(connection, token, random.Random(position))
        except Exception as error:  # a dropped connection counts as an error, and a new one is made
            note_error(repr(error))
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.close()


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] * 1000 if values else 0.0


started = time.monotonic()
threads = [threading.Thread(target=worker, args=(started,)) for _ in range(workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
print(f"  {len(people)} people, {workers} at a time: {counts['sent']} sent, {counts['errors']} errors, "
      f"{counts['not_started']} not started by the {deadline:.0f} s deadline; {elapsed:.1f} s, "
      f"{counts['requests']} requests, {counts['requests'] / elapsed:.0f} requests/s, "
      f"{counts['sent'] / elapsed:.0f} responses/s")
for method, label in (("GET", "GET the form"), ("POST", "POST the answers")):
    print(f"  {label}: p50 {percentile(latencies[method], 0.5):.1f} ms, p99 {percentile(latencies[method], 0.99):.1f} "
          f"ms, max {percentile(latencies[method], 1.0):.1f} ms")
for error in errors_seen:
    print("  e.g.", error)
met = counts["sent"] == len(people) and not counts["errors"] and elapsed <= goal
print(f"  goal, all {len(people)} sent within {goal:.0f} s and no error: {'met' if met else 'MISSED'} ({elapsed:.1f} s)")
sys.exit(0 if counts["sent"] == len(people) and not counts["errors"] else 1)
