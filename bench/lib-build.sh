# Sourced by bench/run-solomon, run-peer, run-table and run-week: builds what they need on first use.
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench/.." && pwd)"
out="$bench/out"
cpfile="$out/classpath-solomon.txt"
stamp="$out/.built-solomon"
mkdir -p "$out"

# bench module (+ planner, routing, data) and its test classes (the independent checker)
build_bench() {
  if [[ ! -f "$stamp" || ! -f "$cpfile" || ! -d "$bench/target/test-classes" ]] \
     || [[ -n "$(find "$root/pom.xml" "$root"/{planner,routing,data,bench}/{src,pom.xml} \
                 -newer "$stamp" -type f -not -path '*/target/*' -print -quit)" ]]; then
    echo "building bench module ..." >&2
    (cd "$root" && ./mvnw -q -B -pl bench -am package dependency:build-classpath \
        -DskipTests -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=runtime >&2)
    touch "$stamp"
  fi
}

# OR-Tools peer: its own project and classpath (its protobuf clashes with GraphHopper's)
ortools_dir="$bench/peers/ortools"
ortools_cp="$out/classpath-ortools.txt"
ortools_stamp="$out/.built-ortools"
build_ortools() {
  if [[ ! -f "$ortools_stamp" || ! -f "$ortools_cp" || ! -d "$ortools_dir/target/classes" ]] \
     || [[ -n "$(find "$ortools_dir/src" "$ortools_dir/pom.xml" -newer "$ortools_stamp" -type f -print -quit)" ]]; then
    echo "building OR-Tools peer ..." >&2
    (cd "$root" && ./mvnw -q -B -f "$ortools_dir/pom.xml" package dependency:build-classpath \
        -Dmdep.outputFile="$ortools_cp" -Dmdep.includeScope=runtime >&2)
    touch "$ortools_stamp"
  fi
}
