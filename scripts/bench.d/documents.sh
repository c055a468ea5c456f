# shellcheck shell=bash
# The documents section of scripts/bench (sourced, docs/documents.md): DOCUMENT_UPLOADS (20) parallel uploads of
# DOCUMENT_MIB (20) MiB each through POST /v1/uploads, with the server's RSS before and its peak after; the same
# bytes through psql's \lo_import, as many at once (the same large objects, the same cluster); then a submission
# attaches one upload, the citizen downloads it DOCUMENT_UPLOADS times at once (each compared with the file), and
# psql's \lo_export reads the same object as many times at once.
bench_documents() {
    local uploads=${DOCUMENT_UPLOADS:-20} mib=${DOCUMENT_MIB:-20} dir=$work/pg-documents file before started ended
    whole_number DOCUMENT_UPLOADS "$uploads"
    whole_number DOCUMENT_MIB "$mib"
    file=$work/document.pdf
    { printf '%%PDF-1.7\n'; head -c $((mib * 1024 * 1024 - 9)) /dev/urandom; } >"$file"
    start_target nafidha "$dir"
    before=$(rss_kib)
    started=$(date +%s.%N)
    for i in $(seq 1 "$uploads"); do
        curl -sS -o "$work/upload-$i.json" -w '%{http_code}\n' -H 'Content-Type: application/pdf' \
            --data-binary "@$file" "$target_url/v1/uploads" >"$work/upload-$i.status" &
    done
    local pid
    for pid in $(jobs -p); do [ "$pid" = "$server_pid" ] || wait "$pid"; done
    ended=$(date +%s.%N)
    local created
    created=$(cat "$work"/upload-*.status | grep -c '^201$' || true)
    echo "documents: $uploads parallel uploads of $mib MiB: $created answered 201 in" \
        "$(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.2f", b - a}') s," \
        "$(awk -v a="$started" -v b="$ended" -v n="$uploads" -v m="$mib" 'BEGIN {printf "%.0f", n * m / (b - a)}') MiB/s;" \
        "server RSS $((before / 1024)) MiB before, peak $(($(peak_kib) / 1024)) MiB" \
        "(growth $((($(peak_kib) - before) / 1024)) MiB)"

    # The same bytes through psql's \lo_import, as many at once, into the server's database.
    started=$(date +%s.%N)
    for i in $(seq 1 "$uploads"); do
        bench_psql "$dir" "$target_db" -c "\\lo_import $file" >/dev/null &
    done
    for pid in $(jobs -p); do [ "$pid" = "$server_pid" ] || wait "$pid"; done
    ended=$(date +%s.%N)
    echo "documents: psql \\lo_import of the same $uploads files at once:" \
        "$(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.2f", b - a}') s," \
        "$(awk -v a="$started" -v b="$ended" -v n="$uploads" -v m="$mib" 'BEGIN {printf "%.0f", n * m / (b - a)}') MiB/s"

    # Downloads: a commercial licence naming the first upload as its commercial register extract (and two small
    # files as its required documents), then that extract downloaded as many times at once.
    local register lease card receipt tracking token id small
    register=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["upload_id"])' "$work/upload-1.json")
    small=$work/small.pdf
    { printf '%%PDF-1.4\n'; head -c 10000 /dev/urandom; } >"$small"
    lease=$(curl -sS -H 'Content-Type: application/pdf' --data-binary "@$small" "$target_url/v1/uploads" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["upload_id"])')
    card=$(curl -sS -H 'Content-Type: application/pdf' --data-binary "@$small" "$target_url/v1/uploads" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["upload_id"])')
    receipt=$(curl -sS -H 'Content-Type: application/json' "$target_url/v1/requests" --data-binary @- <<JSON
{"service": "commercial_licence", "municipality": "BEN",
 "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "0912345678"},
 "fields": {"trade_name": "Bench", "activity": "retail", "premises_location": {"lat": 32.1, "long": 20.07},
            "premises_area_m2": 40, "owner_national_id": "119850123456"},
 "documents": [{"type": "commercial_register", "upload_id": "$register"}, {"type": "lease_or_deed", "upload_id": "$lease"},
               {"type": "national_id_copy", "upload_id": "$card"}]}
JSON
)
    tracking=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["tracking_number"])' "$receipt")
    token=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["access_token"])' "$receipt")
    id=$(curl -sS -H "Authorization: Bearer $token" "$target_url/v1/requests/$tracking/documents" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"][0]["id"])')
    started=$(date +%s.%N)
    for i in $(seq 1 "$uploads"); do
        curl -sS -o "$work/download-$i.pdf" -H "Authorization: Bearer $token" \
            "$target_url/v1/requests/$tracking/documents/$id" &
    done
    for pid in $(jobs -p); do [ "$pid" = "$server_pid" ] || wait "$pid"; done
    ended=$(date +%s.%N)
    local same
    same=$(for i in $(seq 1 "$uploads"); do cmp -s "$file" "$work/download-$i.pdf" && echo same; done | grep -c same)
    echo "documents: $uploads parallel downloads of the $mib MiB document: $same byte-identical in" \
        "$(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.2f", b - a}') s," \
        "$(awk -v a="$started" -v b="$ended" -v n="$uploads" -v m="$mib" 'BEGIN {printf "%.0f", n * m / (b - a)}') MiB/s;" \
        "server peak RSS $(($(peak_kib) / 1024)) MiB"
    local oid
    oid=$(bench_psql "$dir" "$target_db" -At -c 'SELECT content FROM uploads ORDER BY id LIMIT 1')
    started=$(date +%s.%N)
    for i in $(seq 1 "$uploads"); do
        bench_psql "$dir" "$target_db" -c "\\lo_export $oid $work/export-$i.pdf" >/dev/null &
    done
    for pid in $(jobs -p); do [ "$pid" = "$server_pid" ] || wait "$pid"; done
    ended=$(date +%s.%N)
    echo "documents: psql \\lo_export of the same document $uploads times at once:" \
        "$(awk -v a="$started" -v b="$ended" 'BEGIN {printf "%.2f", b - a}') s," \
        "$(awk -v a="$started" -v b="$ended" -v n="$uploads" -v m="$mib" 'BEGIN {printf "%.0f", n * m / (b - a)}') MiB/s"
    echo "documents: database size $(bench_psql "$dir" "$target_db" -At -c \
        "SELECT pg_size_pretty(pg_database_size(current_database()))")"
    rm -f "$work"/upload-* "$work"/download-* "$work"/export-* "$file" "$small"
    stop_target
}
