#!/usr/bin/env bash
# Time and peak memory of `tandem import postcodes`:
#   bash bench/postcodes.sh [ROWS] [DATABASE]
# Writes an ONSPD-shaped CSV of ROWS rows (default 1,000,000; the real file has
# about 2.7 million): every column of the ONS Postcode Directory, one row in 40
# terminated and one in 200 without a grid reference, as the real file has
# them. Imports it into a fresh SQLite database (or DATABASE, a postgresql://
# URL whose postcodes are replaced) under /usr/bin/time -v, then imports it
# again (a re-import replaces every row), and prints rows a second and peak
# resident memory for each. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
database="${2:-sqlite:$dir/postcodes.db}"
csv="$dir/ONSPD_BENCH_UK.csv"

awk -v rows="$rows" 'BEGIN {
  print "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua22,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21"
  split("ABDEFGHJLNPQRSTUWXYZ", l, "")
  areas = "AB AL B BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
  na = split(areas, area, " ")
  n = 0
  for (a = 1; n < rows; a++) {
    if (a > na) a = 1
    for (d = 1; d <= 99 && n < rows; d++) {
      for (s = 0; s <= 9 && n < rows; s++) {
        for (u = 1; u <= 90 && n < rows; u++) {
          out = area[a] d (a > na ? "" : "")
          inw = s l[int((u - 1) / 20) + 1] l[(u - 1) % 20 + 1]
          pcds = out " " inw
          pcd = sprintf("%-4s%s", out, inw)
          pcd2 = sprintf("%-5s%s", out, inw)
          lat = 50 + (a * 7 + d) % 900 / 100 + u / 100000
          lon = -5.5 + (a * 3 + d) % 700 / 100 + s / 1000
          doterm = (n % 40 == 7) ? "201906" : ""
          latt = (n % 200 == 11) ? "99.999999" : sprintf("%.6f", lat)
          lont = (n % 200 == 11) ? "0.000000" : sprintf("%.6f", lon)
          printf "%s,%s,%s,198001,%s,E99999999,E99999999,E0%07d,E05000001,E43000001,0,%d,%d,1,E18000013,E40000010,E92000001,E12000002,0,E14000001,E15000002,E24000014,E30000239,E16000141,E06000001,99ZZZZ,E00000001,99ZZZZ,E65000001,E01000001,E02000001,A,3C2,E00000001,E01000001,E02000001,E33000001,E38000174,E63000001,A1,6A1,%s,%s,E37000015,,E23000005,%d,E56000009,E54000057,E00100001,E01000001,E02000001\r\n", \
            pcd, pcd2, pcds, doterm, 6000000 + a * 10 + d % 10, 300000 + n % 300000, 400000 + n % 500000, latt, lont, n % 32844 + 1
          n++
        }
      }
    }
  }
}' >"$csv"
printf 'Generated %s rows, %s MB\n' "$rows" "$(( $(stat -c %s "$csv") / 1048576 ))"

measure() {
  local name=$1
  /usr/bin/time -v build/tandem import postcodes "$csv" --database "$database" --progress-every 500000 \
    >"$dir/$name.out" 2>"$dir/$name.err" || { cat "$dir/$name.err"; exit 1; }
  local wall secs rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$dir/$name.err")
  secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$dir/$name.err")
  printf '%-10s wall %8s  %8.0f rows/s  peak RSS %7s KB\n' "$name" "$wall" "$(echo "$rows $secs" | awk '{print $1 / $2}')" "$rss"
  head -1 "$dir/$name.out"
}
measure import
measure reimport
