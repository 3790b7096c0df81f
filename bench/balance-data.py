#!/usr/bin/env python3
"""Writes the input of `dudao balance` for N schools (deterministic): every school a primary or junior section,
one in ten a nine-year school with both. Usage: bench/balance-data.py N > schools.csv"""
import math
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
cols = ["school_code", "school_name", "section", "students", "floor_area", "sports_area", "equipment_value",
        "computers", "books", "teachers", "teachers_above_qualification", "senior_title_teachers",
        "backbone_teachers", "pe_arts_teachers", "multimedia_classrooms"]
per = [5.6, 9.4, 2700, 0.15, 38, 0.068, 0.058, 0.036, 0.014, 0.011, 0.025]
print(",".join(cols))
for i in range(n):
    sections = ["primary", "junior"] if i % 10 == 0 else (["junior"] if i % 3 == 0 else ["primary"])
    for s in sections:
        students = 120 + (i * 37) % 1800
        row = [f"{3100000000 + i}", f"第{i + 1}学校", s, str(students)]
        for k, base in enumerate(per):
            value = base * (1 + 0.2 * math.sin(i * 1.7 + k)) * students
            row.append(f"{value:.2f}" if k < 3 else str(round(value)))
        print(",".join(row))
