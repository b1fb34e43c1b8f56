#!/usr/bin/env python3
"""Writes a staff CSV of N rows for the demo trust's schools, as an MIS export would look."""
import random
import sys

SCHOOLS = ["Oakfield Academy", "Riverside High School", "Meadowbank Primary School",
           "Hollins Lane Primary School", "St Aldwyn's CE Primary School",
           "Brookside Infant and Nursery School", "Kestrel Fields School", "Central team"]
GROUPS = ["teacher"] * 38 + ["ect"] * 6 + ["support"] * 50 + ["leader"] * 6
FIRST = ["Amy", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Hugo", "Isla", "Joel", "Kofi", "Lena"]
LAST = ["Ashby", "Bello", "Carter", "Dunn", "Eze", "Frost", "Gill", "Hart", "Iqbal", "Jones", "Kerr"]


def main():
    rows = int(sys.argv[1])
    generator = random.Random(7)
    print("email;first_name;last_name;school;staff_group;job_title;phase;subjects")
    for index in range(rows):
        first, last = generator.choice(FIRST), generator.choice(LAST)
        school = generator.choice(SCHOOLS)
        group = generator.choice(GROUPS)
        subjects = '"Maths, Science"' if group in ("teacher", "ect") and index % 3 == 0 else ""
        print(f"{first.lower()}.{last.lower()}.{index}@bench.example;{first};{last};{school};{group};"
              f"Job {index % 40};;{subjects}")


if __name__ == "__main__":
    main()
