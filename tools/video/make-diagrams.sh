#!/usr/bin/env bash
# Render the small explanatory diagrams used in module pages (ImageMagick + DejaVu fonts only).
# Idempotent: rewrites the same PNGs each run.  Usage: tools/video/make-diagrams.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
M="$ROOT/content/modules"
F=DejaVu-Sans FB=DejaVu-Sans-Bold
ACC='#1d5c5a' BG='#f7f5ef' INK='#1f2a30'

box() { # x y w h title subtitle -> draw args appended to global array
  local x=$1 y=$2 w=$3 h=$4
  D+=(-fill white -stroke "$ACC" -strokewidth 3 -draw "roundrectangle $x,$y $((x+w)),$((y+h)) 14,14" -stroke none)
  D+=(-gravity northwest -fill "$ACC" -font "$FB" -pointsize 22 -annotate "+$((x+16))+$((y+12))" "$5")
  D+=(-fill "$INK" -font "$F" -pointsize 16 -annotate "+$((x+16))+$((y+46))" "$6")
}

# building-trust: four facets around a centre
if [[ -d "$M/building-trust" ]]; then
  D=()
  D+=(-fill '#e3efee' -stroke "$ACC" -strokewidth 3 -draw "circle 360,210 360,130" -stroke none)
  D+=(-fill "$INK" -font "$FB" -pointsize 17 -gravity center -annotate +0-22 "Willing to be" -annotate +0+0 "vulnerable" -gravity northwest)
  D+=(-font "$F" -pointsize 14 -gravity center -annotate +0+26 "(take a risk)" -gravity northwest)
  box 20 20 250 80 "Competence" "Do you know your job?"
  box 450 20 250 80 "Benevolence" "Are you on my side?"
  box 20 320 250 80 "Integrity" "Do you do what you say?"
  box 450 320 250 80 "Reliability" "Can I count on you?"
  convert -size 720x420 "xc:$BG" "${D[@]}" -strip +dither -colors 32 "png8:$M/building-trust/trust-facets.png"
fi

# planning-continuous-cpd: implementation cycle
if [[ -d "$M/planning-continuous-cpd" ]]; then
  D=()
  D+=(-fill none -stroke '#9dbfbd' -strokewidth 6 -draw "ellipse 360,215 250,150 0,360" -stroke none)
  box 235 10 250 80 "1. Explore" "Need, evidence, goal"
  box 470 165 245 80 "2. Prepare" "Plan, time, people"
  box 235 330 250 80 "3. Deliver" "Learn, try, feedback"
  box 5 165 245 80 "4. Sustain" "Embed, evaluate"
  convert -size 720x420 "xc:$BG" "${D[@]}" -strip +dither -colors 32 "png8:$M/planning-continuous-cpd/implementation-cycle.png"
fi
