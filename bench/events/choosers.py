#!/usr/bin/env python3
"""Staff choosing their workshops over HTTP, many at once, as their browsers would.

Usage: choosers.py BASE_URL EVENT_ID WORKERS (--emails FILE | --sessions FILE)
With --emails, each person signs in (GET and POST /sign-in), opens their choices page and posts
their choices. With --sessions (lines "person_id token csrf"), each person is already signed in, opens their
choices page and posts their choices. Choices are drawn from the workshops on the person's page,
skewed towards the first ones so some are oversubscribed. Prints requests, errors, wall time and requests per second.
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


def signed_in_person(connection, line, rng):
    email = line[0]
    jar = {}
    page = request(connection, "GET", "/sign-in", jar)
    csrf = CSRF.search(page).group(1)
    request(connection, "POST", "/sign-in", jar,
            {"_csrf": csrf, "email": email, "password": "oakfield-demo-2026"}, expect=(303,))
    page = request(connection, "GET", f"/events/{event_id}/choices", jar)
    found = CSRF.search(page)
    options = sorted(set(OPTION.findall(page)), key=int)
    if found and options:
        choose(connection, jar, found.group(1), options, rng)


def premade_person(connection, line, rng):
    _, token, csrf = line
    jar = {"trellis_session": token}
    page = request(connection, "GET", f"/events/{event_id}/choices", jar)
    options = sorted(set(OPTION.findall(page)), key=int)
    if options:
        choose(connection, jar, csrf, options, rng)


def worker(index):
    rng = random.Random(index)
    connection = http.client.HTTPConnection(host, port, timeout=60)
    for position in range(index, len(lines), workers):
        try:
            if mode == "--emails":
                signed_in_person(connection, lines[position], rng)
            else:
                premade_person(connection, lines[position], rng)
        except Exception as error:  # a dropped connection counts as an error and is replaced
            with lock:
                counts["errors"] += 1
                if len(errors_seen) < 5:
                    errors_seen.append(repr(error))
            connection = http.client.HTTPConnection(host, port, timeout=60)


started = time.monotonic()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
print(f"people: {len(lines)}; requests: {counts['requests']}; errors: {counts['errors']}; "
      f"wall time: {elapsed:.1f} s; {counts['requests'] / elapsed:.0f} requests/s")
for error in errors_seen:
    print("  e.g.", error)
sys.exit(1 if counts["errors"] else 0)
