#!/usr/bin/env python3
"""Staff choosing their workshops over HTTP, many at once, as their browsers would.

Usage: choosers.py BASE_URL EVENT_ID WORKERS (--emails FILE | --sessions FILE)
With --emails, everyone first signs in (GET and POST /sign-in), then everyone opens their choices
page and posts their choices; each pass is timed. With --sessions (lines "person_id token csrf staff_group", and
FILE.offers with "offer_id audience"), everyone is already signed in and only posts their choices. Choices are drawn from the workshops on the
person's page, skewed towards the first ones so some are oversubscribed. Prints requests, errors,
wall time and requests per second; exits non-zero on any error.
"""
import http.client
import random
import re
import sys
import threading
import time
import urllib.parse

base, event_id, workers, mode, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
host, port = urllib.parse.urlparse(base).hostname, urllib.parse.urlparse(base).port
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
OPTION = re.compile(r'<option value="(\d+)"')
lines = [line.split() for line in open(path) if line.strip()]
offers = [line.split() for line in open(path + ".offers")] if mode == "--sessions" else []
lock = threading.Lock()
counts = {"requests": 0, "errors": 0}
errors_seen = []


def cookies_of(response, jar):
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            jar[key.strip()] = val.strip()


def request(connection, method, url, jar, form=None, expect=(200,)):
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, url, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    cookies_of(response, jar)
    with lock:
        counts["requests"] += 1
        if response.status not in expect:
            counts["errors"] += 1
            if len(errors_seen) < 5:
                errors_seen.append(f"{method} {url} -> {response.status}")
    return text


def picks(options, rng, wanted=5):
    # Skewed: low positions are popular, so the first few workshops are wanted by far more people.
    chosen = []
    while len(chosen) < min(wanted, len(options)):
        index = min(int(rng.expovariate(1 / (len(options) / 4))), len(options) - 1)
        if options[index] not in chosen:
            chosen.append(options[index])
    return chosen


def choose(connection, jar, csrf, options, rng):
    chosen = picks(options, rng)
    form = {"_csrf": csrf}
    for rank in range(3):
        form[f"choice_{rank + 1}"] = chosen[rank] if rank < len(chosen) else ""
    for rank in range(2):
        form[f"reserve_{rank + 1}"] = chosen[3 + rank] if 3 + rank < len(chosen) else ""
    request(connection, "POST", f"/events/{event_id}/choices", jar, form, expect=(303,))


def sign_in(connection, line, rng):
    jar = {}
    page = request(connection, "GET", "/sign-in", jar)
    csrf = CSRF.search(page).group(1)
    request(connection, "POST", "/sign-in", jar,
            {"_csrf": csrf, "email": line[0], "password": "oakfield-demo-2026"}, expect=(303,))
    line[:] = [line[0], jar.get("trellis_session", ""), ""]


def signed_in_person(connection, line, rng):
    jar = {"trellis_session": line[1]}
    page = request(connection, "GET", f"/events/{event_id}/choices", jar)
    found = CSRF.search(page)
    options = sorted(set(OPTION.findall(page)), key=int)
    if found and options:
        choose(connection, jar, found.group(1), options, rng)


def premade_person(connection, line, rng):
    # The workshops open to the person's group are known from the seed, so only the POST is sent.
    _, token, csrf, group = line
    options = [offer for offer, audience in offers if audience == "-" or group in audience.split(",")]
    choose(connection, {"trellis_session": token}, csrf, options, rng)


def worker(index, phase):
    rng = random.Random(index)
    connection = http.client.HTTPConnection(host, port, timeout=60)
    for position in range(index, len(lines), workers):
        try:
            phase(connection, lines[position], rng)
        except Exception as error:  # a dropped connection counts as an error and is replaced
            with lock:
                counts["errors"] += 1
                if len(errors_seen) < 5:
                    errors_seen.append(repr(error))
            connection = http.client.HTTPConnection(host, port, timeout=60)




def run(phase, label):
    counts["requests"] = 0
    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i, phase)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    print(f"{label}: {len(lines)} people, {counts['requests']} requests, {counts['errors']} errors, "
          f"{elapsed:.1f} s, {counts['requests'] / elapsed:.0f} requests/s")
    return elapsed


total = 0.0
if mode == "--emails":
    total += run(sign_in, "  sign in (GET and POST /sign-in, Argon2id each)")
total += run(signed_in_person if mode == "--emails" else premade_person,
             "  choose (GET and POST /events/N/choices)" if mode == "--emails" else "  choose (POST /events/N/choices)")
print(f"  wall time: {total:.1f} s; errors: {counts['errors']}")
for error in errors_seen:
    print("  e.g.", error)
sys.exit(1 if counts["errors"] else 0)
