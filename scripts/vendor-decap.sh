#!/usr/bin/env bash
# Vendors Decap CMS (npm package `decap-cms`, MIT) into the built-in theme:
# themes/default/admin/. Only the files the editor loads, no source maps.
# Measured in Chromium (tests/browser/admin.mjs records every request):
# collections, forms, the markdown editor, the media library and the preview
# load nothing but decap-cms.js. Its 94 lazy chunks are CodeMirror language
# modes for code blocks, which the generated config leaves out of the
# markdown editor. Run it again after changing VERSION or CHUNKS.
#
#   scripts/vendor-decap.sh            (needs npm and network access to the npm registry)
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="3.16.3"
# Lazy chunks to ship besides decap-cms.js (none are requested, see above).
# With CHUNKS=all every chunk is copied (to find out which ones are used).
CHUNKS="${CHUNKS:-}"

dest="themes/default/admin"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# npm checks the tarball against the registry's integrity hash.
(cd "$work" && npm pack --silent "decap-cms@$VERSION" >/dev/null && tar xzf "decap-cms-$VERSION.tgz")
dist="$work/package/dist"
[ "$(node -p "require('$work/package/package.json').version")" = "$VERSION" ]

# Only Decap's files: editor.js beside them is wegweiser's own.
rm -f "$dest"/decap-cms.js "$dest"/[0-9]*.decap-cms.js "$dest"/decap-cms.js.LICENSE.txt "$dest"/LICENSE.txt
cp "$dist/decap-cms.js" "$dest/"
if [ "$CHUNKS" = "all" ]; then
  cp "$dist"/[0-9]*.decap-cms.js "$dest/"
else
  for c in $CHUNKS; do cp "$dist/$c.decap-cms.js" "$dest/"; done
fi
# Licences: Decap's own (MIT; the npm package carries only its name, the text
# is the LICENSE of github.com/decaporg/decap-cms) and the notices of the
# libraries bundled into decap-cms.js.
cat > "$dest/LICENSE.txt" <<'LICENSE'
Decap CMS 3.16.3 (npm package decap-cms), https://github.com/decaporg/decap-cms

Copyright (c) 2016 Netlify <decap@p-m.si>

MIT License

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
LICENSE
cp "$dist/decap-cms.js.LICENSE.txt" "$dest/decap-cms.js.LICENSE.txt"
# The bundle ends with a pointer to its source map, which is not shipped.
sed -i '$ s|^//# sourceMappingURL=.*$||' "$dest"/*decap-cms.js
du -cb "$dest"/* | tail -1
