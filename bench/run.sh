#!/usr/bin/env bash
# `make bench`: every benchmark, each bounded in time; figures go to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash bench/people/import.sh
bash bench/http/home.sh
bash bench/http/signed_in.sh  # signed-in pages and progress saves, SQLite and PostgreSQL (issue 18's goals)
bash bench/http/queries.sh  # statements per signed-in request on PostgreSQL, a count load does not change
bash bench/http/hosted.sh  # 100 trusts (85,000 people) on one PostgreSQL, two servers behind nginx, against one trust
bash bench/learning/module.sh
bash bench/events/choices.sh  # training days: choosing and allocating
bash bench/programmes/year.sh  # programmes and each person's year
bash bench/surveys/results.sh  # needs surveys at scale: results pages and 15,000 answering, SQLite and PostgreSQL
bash bench/library/search.sh  # the library searched over 20,000 items, SQLite and PostgreSQL
bash bench/record/record.sh  # a CPD record of 500 entries: the page, a range, the PDF and the CSV, SQLite and PostgreSQL
if [[ -f bench/allocation/run.sh ]]; then bash bench/allocation/run.sh; fi
