#!/usr/bin/env bash
# Copies the seeded landscape's files (catalog/landscape/) byte for byte out of local git
# mirrors of the upstream repositories: each version is the repository's publiccode.yaml and
# OpenAPI spec at the commit that released it. Run from the project root with MIRRORS pointing
# at a folder of `<owner>+<name>/repo` clones (default /work/.mirror); prints the SOURCES rows.
set -euo pipefail
mirrors="${MIRRORS:-/work/.mirror}"
out=catalog/landscape
# A component is known by its url, so only versions that give the same url are taken (the
# Objects API became "Open Object" at 3.6.0, Signalen moved to Amsterdam/signals-frontend).
# slug  owner+name  commit  publiccode path  spec path (- for none)
versions=(
  "open-zaak open-zaak+open-zaak 19d59a92 publiccode.yaml src/openzaak/components/zaken/openapi.yaml"
  "open-zaak open-zaak+open-zaak 71c52aed publiccode.yaml src/openzaak/components/zaken/openapi.yaml"
  "open-notificaties open-zaak+open-notificaties f30fb37 publiccode.yaml src/openapi.yaml"
  "open-notificaties open-zaak+open-notificaties de82fb9 publiccode.yaml src/openapi.yaml"
  "open-notificaties open-zaak+open-notificaties f733ff3 publiccode.yaml src/openapi.yaml"
  "objects-api maykinmedia+objects-api ae109c4 publiccode.yaml src/objects/api/v2/openapi.yaml"
  "objects-api maykinmedia+objects-api 06f62ae publiccode.yaml src/objects/api/v2/openapi.yaml"
  "objecttypes-api maykinmedia+objecttypes-api 142dce6 publiccode.yaml src/objecttypes/api/v2/openapi.yaml"
  "objecttypes-api maykinmedia+objecttypes-api b9524bb publiccode.yaml src/objecttypes/api/v2/openapi.yaml"
  "objecttypes-api maykinmedia+objecttypes-api 0a497ee publiccode.yaml src/objecttypes/api/v2/openapi.yaml"
  "open-formulieren open-formulieren+open-forms e403f33f3 publiccode.yaml src/openapi.yaml"
  "open-formulieren open-formulieren+open-forms 1cfb448e2 publiccode.yaml src/openapi.yaml"
  "open-inwoner maykinmedia+open-inwoner 7ba06e99 publiccode.yaml -"
  "signalen Amsterdam+signals-frontend 441909fa2 publiccode.yml -"
  "signalen Amsterdam+signals-frontend e1f999c81 publiccode.yml -"
)
# The corrections that make an upstream file one the standard accepts, each marked in the file
# with a `# Grondwerk:` comment (SOURCES.md says why): no other byte differs from upstream.
correct() {
  local file=$1 date=$2 mark='# Grondwerk: upstream gives no end date, which the standard requires; this one stands for "not stated"'
  sed -i -E "s|^( *)- name: (Maykin.*)$|&\n\1  until: '2099-12-31'  $mark|" "$file"
  sed -i -E "s|^softwareType: standalone$|softwareType: standalone/web  # Grondwerk: upstream 'standalone' is not a type of the standard; the portal is a web application|" "$file"
  sed -i -E "s|^releaseDate: 't.b.d.'$|releaseDate: '$date'  # Grondwerk: upstream 't.b.d.' is not a date; this is the date of the commit the file comes from|" "$file"
}
declare -A count
for v in "${versions[@]}"; do
  read -r slug repo commit pc spec <<<"$v"
  git="$mirrors/$repo/repo"
  [ -d "$git" ] || { echo "no mirror of $repo in $mirrors" >&2; exit 1; }
  [ "$commit" = - ] && commit=$(git -C "$git" rev-parse HEAD)
  full=$(git -C "$git" rev-parse "$commit^{commit}")
  n=$(( ${count[$slug]:-0} + 1 )); count[$slug]=$n
  mkdir -p "$out/$slug"
  git -C "$git" show "$full:$pc" > "$out/$slug/$n.publiccode.yml"
  correct "$out/$slug/$n.publiccode.yml" "$(git -C "$git" show -s --format=%cs "$full")"
  row="| \`$slug/$n.publiccode.yml\` | ${repo/+//} | \`$pc\` | $full ($(git -C "$git" show -s --format=%cs "$full")) |"
  echo "$row"
  if [ "$spec" != - ]; then
    git -C "$git" show "$full:$spec" > "$out/$slug/$n.openapi.yaml"
    echo "| \`$slug/$n.openapi.yaml\` | ${repo/+//} | \`$spec\` | $full |"
  fi
done
# Open Klant publishes no publiccode.yml: ours is in the folder (written by Grondwerk, see
# SOURCES.md); only its spec is copied.
git="$mirrors/maykinmedia+open-klant/repo"
full=$(git -C "$git" rev-parse 754d9cd2)
git -C "$git" show "$full:src/openklant/components/klantinteracties/openapi.yaml" > "$out/open-klant/1.openapi.yaml"
echo "| \`open-klant/1.openapi.yaml\` | maykinmedia/open-klant | \`src/openklant/components/klantinteracties/openapi.yaml\` | $full ($(git -C "$git" show -s --format=%cs "$full")) |"

# The other APIs of Open Zaak's release 1.30.0, for the lint benchmark beside the landscape's
# specs (bench/lint.sh); they are not seeded (a component has one spec per version).
git="$mirrors/open-zaak+open-zaak/repo"
full=$(git -C "$git" rev-parse 71c52aed)
mkdir -p bench/specs
for api in catalogi documenten besluiten autorisaties; do
  git -C "$git" show "$full:src/openzaak/components/$api/openapi.yaml" > "bench/specs/$api.openapi.yaml"
  echo "| \`bench/specs/$api.openapi.yaml\` | open-zaak/open-zaak | \`src/openzaak/components/$api/openapi.yaml\` | $full |"
done
