# Sourced by scripts/test and scripts/judgment (not run on its own): the .venv they share.
#   make_venv        creates .venv with python3 when it is missing; Python 3.11 or newer
#   install_project  installs the project in editable mode with its test extras, only when pyproject.toml
#                    changed since the last install (a sha256 stamp is kept in .venv)
# Expects the repo root as the current folder and `say` defined by the caller.
ROOT="$(pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.pyproject.sha256"

need_python() {
    local py="$1"
    if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
        say "$py is $("$py" -V 2>&1 || echo missing); interview-agent needs Python 3.11 or newer."
        exit 2
    fi
}

make_venv() {
    if [[ ! -x "$VENV/bin/python" ]]; then
        command -v python3 >/dev/null || { say "python3 not found; install Python 3.11 or newer."; exit 2; }
        need_python python3
        say "creating $VENV"
        python3 -m venv "$VENV"
    fi
    need_python "$VENV/bin/python"
}

install_project() {
    local want have=""
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    [[ -f "$STAMP" ]] && have="$(cat "$STAMP")"
    if [[ "$want" != "$have" ]]; then
        say "installing the project and its test dependencies into .venv (pyproject.toml changed)"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
        printf '%s\n' "$want" >"$STAMP"
    fi
}
