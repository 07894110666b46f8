#!/usr/bin/env bash
# Real people answer every strategy's questions from their records (issue 16): SUSHI rankings (the 1,003 people
# held out of the SUSHI catalog's embedding), MovieLens ratings (each catalog's held-out users). Catalogs are
# built outside the project when missing (never committed: the data's licences). Results go to evoi/results/.
# ELICITOR (default ./elicitor) runs the tool; STRATEGIES, PEOPLE, QUERIES shorten or change the runs. A catalog
# built here gets the λ of `fit-lambda --write` (FIT_LAMBDA=0: embed's calibrated λ); LAMBDA overrides it for a run.
# Usage: evoi/run-real-answers.sh [sushi|ml-latest-small|ml-100k ...]   (default: all three)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
el="${ELICITOR:-./elicitor}"
data="${ELICITOR_DATA:-$here/../shared/data}"
cats="${ELICITOR_CATALOGS:-/tmp/elicitor-catalogs}"
strategies="${STRATEGIES:-greedy-eus,gradient,exhaustive,exploit,random,greedy-eus@4,gradient@4,exhaustive@4}"
people=(); [ -n "${PEOPLE:-}" ] && people=(--people "$PEOPLE")
for n in "${@:-sushi ml-latest-small ml-100k}"; do
  for name in $n; do
    if [ ! -f "$cats/$name/manifest.json" ]; then
      case "$name" in
        sushi) item-catalog/sushi/build.sh "$data/sushi" "$cats/sushi" ;;
        ml-latest-small) $el embed --ratings "$data/movielens/ml-latest-small/ratings.csv" --format ml-latest --dim 32 --out "$cats/$name" ;;
        ml-100k) $el embed --ratings "$data/movielens/ml-100k/u.data" --format ml-100k --dim 32 --out "$cats/$name" ;;
      esac
      if [ "$name" != sushi ] && [ "${FIT_LAMBDA:-1}" != 0 ]; then
        file=ratings.csv; [ "$name" = ml-100k ] && file=u.data
        $el fit-lambda --catalog "$cats/$name" --answers-from "$data/movielens/$name/$file" --answers-format ratings --write
      fi
    fi
    case "$name" in
      sushi) answers=(--answers-from "$data/sushi/sushi3b.5000.10.order" --answers-format sushi-order) ;;
      ml-latest-small) answers=(--answers-from "$data/movielens/ml-latest-small/ratings.csv" --answers-format ratings) ;;
      ml-100k) answers=(--answers-from "$data/movielens/ml-100k/u.data" --answers-format ratings) ;;
    esac
    for k in 2 4; do
      t=6; [ "$k" = 4 ] && t=4
      $el simulate --catalog "$cats/$name" "${answers[@]}" "${people[@]}" ${LAMBDA:+--lambda "$LAMBDA"} --strategies "$strategies" \
        --queries "${QUERIES:-$t}" --slate "$k" --particles 1024 --seed 1 \
        --out "evoi/results/real-$name-k$k.json" --plot "evoi/real-$name-k$k.svg" | tee "evoi/results/real-$name-k$k.txt"
    done
  done
done
