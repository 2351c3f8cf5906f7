# shellcheck shell=bash
# Reading the machine's apt configuration (sourced by tools/install-deps and
# tests/vm/debug-kernel). Nothing here changes it: extra sources are derived
# from the mirror the machine already uses, so no host name is written into
# the repository.
#
# apt_etc: the apt configuration directory (default /etc/apt).

apt_etc=${apt_etc:-/etc/apt}

codename() {
	. /etc/os-release
	echo "${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}"
}

# Print "URI<TAB>SIGNED-BY" for each Debian source of the main suite CODENAME,
# from deb822 files and from one-line sources.list entries.
main_sources() { # CODENAME
	local cn=$1 f
	for f in "$apt_etc"/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# Paragraphs: Types, URIs, Suites, Signed-By (continuation lines and
		# comments ignored; an inline key block is not reused).
		awk -v cn="$cn" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && enabled != "no" && (" " suites " ") ~ (" " cn " "))
					for (i = 1; i <= n; i++) print uris_a[i] "\t" (signed ~ /^\// ? signed : "")
				types = uris = suites = signed = ""; enabled = ""; n = 0
			}
			/^[ \t]*#/ { next }
			/^[ \t]*$/ { flush(); next }
			/^[A-Za-z-]+:/ {
				key = tolower($1); sub(/:$/, "", key)
				val = $0; sub(/^[^:]*:[ \t]*/, "", val)
				if (key == "types") types = val
				else if (key == "uris") n = split(val, uris_a, /[ \t]+/)
				else if (key == "suites") suites = val
				else if (key == "signed-by") signed = val
				else if (key == "enabled") enabled = tolower(val)
			}
			END { flush() }' "$f"
	done
	for f in "$apt_etc"/sources.list "$apt_etc"/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# deb [opts] URI SUITE COMPONENTS...
		awk -v cn="$cn" '
			$1 != "deb" { next }
			{
				signed = ""; i = 2
				if ($2 ~ /^\[/) {
					for (; i <= NF; i++) {
						if ($i ~ /^\[?signed-by=/) { signed = $i; sub(/^\[?signed-by=/, "", signed); sub(/\]$/, "", signed) }
						if ($i ~ /\]$/) break
					}
					i++
				}
				if ($(i + 1) == cn) print $i "\t" signed
			}' "$f"
	done
}

# Print "URI<TAB>SIGNED-BY" of the first Debian mirror serving the main suite
# CODENAME (URI without a trailing slash); fails when there is none.
main_mirror() { # CODENAME
	local line uri
	line=$(main_sources "$1" | grep -m1 -E '^(https?|file|mirror\+[a-z]+)://') || return 1
	uri=${line%%	*}
	printf '%s\t%s\n' "${uri%/}" "${line#*	}"
}

# A deb822 paragraph for one suite's main component.
deb822_source() { # TYPES URI SUITE SIGNED-BY
	echo "Types: $1"
	echo "URIs: $2"
	echo "Suites: $3"
	echo "Components: main"
	if [ -n "$4" ]; then echo "Signed-By: $4"; fi
}
