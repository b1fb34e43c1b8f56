#!/usr/bin/env bash
# Build the video case study for one or more Trellis modules from a plain-text script.
#
#   tools/video/build-case-study.sh [--force] [content/modules/<slug> ...]
#
# With no module folders given, every folder under content/modules/ that holds a
# video-script.txt is built. For each module folder it reads video-script.txt and writes,
# into the same folder:
#
#   case-study.webm             640x360 VP9 video + Opus mono narration
#   case-study.vtt              WebVTT captions, one cue per "say:" line, timed from the
#                               measured length of that line's own narration clip
#   case-study-transcript.md    Markdown transcript (slide headings + narration)
#   case-study-poster.png       the first slide, used as the video poster
#
# Idempotent: the first cue-less NOTE line of case-study.vtt records a SHA-256 of the script
# file and of this build script; when it matches and all four outputs exist, the module is
# skipped. --force rebuilds regardless. Work happens in a temporary folder that is removed.
#
# Needs only Debian packages: espeak-ng, ffmpeg (ffmpeg + ffprobe), imagemagick, fonts-dejavu.
#
# Script file format (video-script.txt), line based, UTF-8:
#
#   # a comment line (ignored), blank lines are ignored
#   title: Case study: Ashgrove Primary      (required, once, before the first slide)
#   voice: en-gb                             (optional default espeak-ng voice)
#   speed: 150                               (optional words per minute, default 150)
#   === Slide heading                        (starts a slide)
#   text: A line of slide text               (0 or more; shown as separate lines on the slide;
#                                             a slide with no text: lines is a title card)
#   voice: en-gb+f3                          (optional, inside a slide: voice for this slide)
#   say: One sentence or two of narration.   (1 or more; each becomes one clip and one cue)
set -euo pipefail

FORCE=0
if [[ "${1:-}" == "--force" ]]; then FORCE=1; shift; fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SELF="${BASH_SOURCE[0]}"
W=640 H=360 FPS=5
GAP=0.35          # seconds of silence after each narration clip
SLIDE_TAIL=0.8    # extra seconds held at the end of each slide
BG='#f7f5ef' INK='#1f2a30' ACCENT='#1d5c5a' MUTED='#5a6770'
FONT='DejaVu-Sans' FONT_BOLD='DejaVu-Sans-Bold'

for tool in espeak-ng ffmpeg ffprobe convert sha256sum; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (apt-get install espeak-ng ffmpeg imagemagick)" >&2; exit 1; }
done

dur() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }

# seconds (float) -> WebVTT timestamp HH:MM:SS.mmm
ts() { awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5); h = int(ms / 3600000); ms -= h * 3600000;
  m = int(ms / 60000); ms -= m * 60000; s = int(ms / 1000); ms -= s * 1000;
  printf "%02d:%02d:%02d.%03d", h, m, s, ms }'; }

add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a + b }'; }

# ImageMagick reads "@file" as a file name in caption:/label:; keep text literal.
safe_text() { local t="$1"; [[ "$t" == @* ]] && t=" $t"; printf '%s' "$t"; }

render_slide() { # out heading footer [text lines...]
  local out="$1" heading="$2" footer="$3"; shift 3
  if [[ $# -eq 0 ]]; then
    convert -size ${W}x${H} "xc:$ACCENT" \
      \( -size 560x -background none -fill white -font "$FONT_BOLD" -pointsize 34 -gravity center \
         caption:"$(safe_text "$heading")" \) -gravity center -geometry +0-10 -composite \
      \( +size -background none -fill '#d9ecea' -font "$FONT" -pointsize 16 label:"$(safe_text "$footer")" \) \
         -gravity south -geometry +0+24 -composite \
      -strip -depth 8 "png:$out"
  else
    local body; body="$(printf '%s\n' "$@")"
    convert -size ${W}x${H} "xc:$BG" \
      -fill "$ACCENT" -draw "rectangle 0,0 $W,8" \
      \( -size 580x -background none -fill "$ACCENT" -font "$FONT_BOLD" -pointsize 26 \
         caption:"$(safe_text "$heading")" \) -gravity northwest -geometry +30+30 -composite \
      \( -size 580x -background none -fill "$INK" -font "$FONT" -pointsize 20 -interline-spacing 6 \
         caption:"$(safe_text "$body")" \) -gravity northwest -geometry +30+112 -composite \
      \( +size -background none -fill "$MUTED" -font "$FONT" -pointsize 13 label:"$(safe_text "$footer")" \) \
         -gravity southwest -geometry +30+16 -composite \
      -strip -depth 8 "png:$out"
  fi
}

build_module() {
  local dir="$1" script="$1/video-script.txt"
  [[ -f "$script" ]] || { echo "no video-script.txt in $dir" >&2; return 1; }
  local hash; hash="$(cat "$script" "$SELF" | sha256sum | cut -c1-64)"
  local out_webm="$dir/case-study.webm" out_vtt="$dir/case-study.vtt"
  local out_md="$dir/case-study-transcript.md" out_png="$dir/case-study-poster.png"
  if [[ $FORCE -eq 0 && -f "$out_webm" && -f "$out_md" && -f "$out_png" && -f "$out_vtt" ]] \
     && grep -q "^NOTE source-sha256 $hash\$" "$out_vtt"; then
    echo "$dir: up to date"; return 0
  fi
  echo "$dir: building"

  local tmp; tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' RETURN

  # ---- parse ---------------------------------------------------------------------------
  local title="" voice="en-gb" speed=150 n=0 line key val
  local -a heads=() texts=() says=() voices=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ -z "${line//[[:space:]]/}" || "$line" == \#* ]] && continue
    if [[ "$line" == "=== "* ]]; then
      n=$((n + 1)); heads[n]="${line#=== }"; texts[n]=""; says[n]=""; voices[n]="$voice"; continue
    fi
    key="${line%%:*}"; val="${line#*:}"; val="${val# }"
    [[ "$line" == *:* ]] || { echo "$script: cannot read line: $line" >&2; return 1; }
    case "$key" in
      title) title="$val" ;;
      speed) speed="$val" ;;
      voice) if [[ $n -eq 0 ]]; then voice="$val"; else voices[n]="$val"; fi ;;
      text) [[ $n -gt 0 ]] || { echo "$script: text: before first slide" >&2; return 1; }
            texts[n]+="$val"$'\n' ;;
      say)  [[ $n -gt 0 ]] || { echo "$script: say: before first slide" >&2; return 1; }
            says[n]+="$val"$'\n' ;;
      *) echo "$script: unknown key '$key'" >&2; return 1 ;;
    esac
  done < "$script"
  [[ -n "$title" ]] || { echo "$script: missing title:" >&2; return 1; }
  [[ $n -gt 0 ]] || { echo "$script: no slides" >&2; return 1; }

  # ---- slides, narration, captions ------------------------------------------------------
  local t=0 i j clip slide_start d cue_end slide_d
  local -a lines sl
  : > "$tmp/images.txt"; : > "$tmp/audio.txt"
  {
    echo "WEBVTT"
    echo
    echo "NOTE source-sha256 $hash"
    echo
  } > "$tmp/captions.vtt"
  {
    echo "# Transcript: $title"
    echo
    echo "Narrated case study. The school and the people in it are fictional."
    echo
  } > "$tmp/transcript.md"

  for ((i = 1; i <= n; i++)); do
    mapfile -t lines < <(printf '%s' "${texts[i]}")
    mapfile -t sl < <(printf '%s' "${says[i]}")
    [[ ${#sl[@]} -gt 0 ]] || { echo "$script: slide '${heads[i]}' has no say: line" >&2; return 1; }
    render_slide "$tmp/slide$i.png" "${heads[i]}" "$title" "${lines[@]}"
    slide_start="$t"
    printf '## %s\n\n' "${heads[i]}" >> "$tmp/transcript.md"
    for ((j = 0; j < ${#sl[@]}; j++)); do
      clip="$tmp/s${i}_$j"
      espeak-ng -v "${voices[i]}" -s "$speed" -w "$clip.raw.wav" -- "${sl[j]}"
      # normalise every clip to one format, then pad with GAP seconds of silence
      ffmpeg -v error -y -i "$clip.raw.wav" -ar 24000 -ac 1 -c:a pcm_s16le "$clip.speech.wav"
      d="$(dur "$clip.speech.wav")"
      local pad="$GAP"; [[ $j -eq $((${#sl[@]} - 1)) ]] && pad="$(add "$GAP" "$SLIDE_TAIL")"
      ffmpeg -v error -y -i "$clip.speech.wav" -af "apad=pad_dur=$pad" -ar 24000 -ac 1 -c:a pcm_s16le "$clip.wav"
      cue_end="$(add "$t" "$d")"
      printf '%s --> %s\n%s\n\n' "$(ts "$t")" "$(ts "$cue_end")" "${sl[j]}" >> "$tmp/captions.vtt"
      echo "file '$clip.wav'" >> "$tmp/audio.txt"
      t="$(add "$t" "$(dur "$clip.wav")")"
      printf '%s\n\n' "${sl[j]}" >> "$tmp/transcript.md"
    done
    slide_d="$(awk -v a="$t" -v b="$slide_start" 'BEGIN { printf "%.3f", a - b }')"
    printf "file '%s'\nduration %s\n" "$tmp/slide$i.png" "$slide_d" >> "$tmp/images.txt"
  done
  # the concat demuxer needs the last image repeated for its duration to count
  echo "file '$tmp/slide$n.png'" >> "$tmp/images.txt"

  ffmpeg -v error -y -f concat -safe 0 -i "$tmp/audio.txt" -c:a pcm_s16le "$tmp/narration.wav"
  ffmpeg -v error -y -f concat -safe 0 -i "$tmp/images.txt" -i "$tmp/narration.wav" \
    -map 0:v -map 1:a -vf "fps=$FPS,format=yuv420p" -r "$FPS" \
    -c:v libvpx-vp9 -b:v 0 -crf 42 -deadline good -cpu-used 4 -row-mt 1 -g 50 \
    -c:a libopus -b:a 24k -ac 1 -application voip \
    -t "$t" -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact \
    "$tmp/out.webm"

  cp "$tmp/out.webm" "$out_webm"
  cp "$tmp/captions.vtt" "$out_vtt"
  cp "$tmp/transcript.md" "$out_md"
  cp "$tmp/slide1.png" "$out_png"
  printf '%s: %s s, %s bytes\n' "$dir" "$t" "$(stat -c %s "$out_webm")"
}

if [[ $# -eq 0 ]]; then
  set --
  for d in "$ROOT"/content/modules/*/; do
    [[ -f "$d/video-script.txt" ]] && set -- "$@" "${d%/}"
  done
fi
for d in "$@"; do build_module "${d%/}"; done
