#!/usr/bin/env python3
"""movies.json of npm vega-datasets -> the attribute CSV that `elicitor embed --attributes` reads.

python3 movies_to_csv.py movies.json movies.csv   (stdlib only)

One row per film, in the table's order, columns:
  Title                 the title as text (9 titles are JSON numbers, e.g. 1776; one is null: left empty,
                        embed then titles the item by its row id)
  Budget_million_USD    Production Budget / 1e6, rounded to 0.1 (budgets are quoted in round figures)
  IMDB_Rating           as given (0.1 steps)
  Running_Time_min      as given
  Release_Year          year of Release Date ("Jun 12 1998"); see below
  MPAA_Rating           as given (G, PG, PG-13, R, NC-17, Not Rated, Open)
  Major_Genre           as given
A null becomes an empty field (a gap: embed imputes numeric gaps with the column mean and gives a
categorical gap the level "(missing)").

Release_Year: the table was compiled in 2010; the years after 2012 in it (2015-2046: Gone with the Wind
2039, The Wizard of Oz 2039, Modern Times 2036) are two-digit years read in the wrong century, so a year
after 2012 is taken as 100 years earlier. Printed: how many rows, gaps per column and corrected years.
"""
import csv
import json
import sys

COLUMNS = ["Title", "Budget_million_USD", "IMDB_Rating", "Running_Time_min", "Release_Year", "MPAA_Rating",
           "Major_Genre"]
LAST_YEAR = 2012


def release_year(date):
    """(year, corrected) from 'Mon DD YYYY'; None for a missing date."""
    if date is None or not str(date).strip():
        return None, False
    year = int(str(date).split()[-1])
    if year > LAST_YEAR:
        return year - 100, True
    return year, False


def text(v):
    return "" if v is None else str(v)


def convert(rows):
    """The CSV rows (lists of strings, header first) and a report dict."""
    out = [COLUMNS]
    gaps = {c: 0 for c in COLUMNS}
    corrected = 0
    for r in rows:
        budget = r.get("Production Budget")
        year, fixed = release_year(r.get("Release Date"))
        corrected += fixed
        row = [text(r.get("Title")),
               "" if budget is None else "%.1f" % (budget / 1e6),
               text(r.get("IMDB Rating")),
               text(r.get("Running Time min")),
               text(year),
               text(r.get("MPAA Rating")),
               text(r.get("Major Genre"))]
        for c, v in zip(COLUMNS, row):
            gaps[c] += v == ""
        out.append(row)
    return out, {"rows": len(rows), "gaps": gaps, "yearsCorrected": corrected}


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: movies_to_csv.py movies.json out.csv")
    with open(argv[1], encoding="utf-8") as f:
        rows = json.load(f)
    out, report = convert(rows)
    with open(argv[2], "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(out)
    print("movies_to_csv: %d rows; gaps %s; release years after %d read as 19xx: %d"
          % (report["rows"], json.dumps(report["gaps"]), LAST_YEAR, report["yearsCorrected"]))


if __name__ == "__main__":
    main(sys.argv)
